package org.foolshap.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.foolshap.Progress;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;

/**
 * The false-positive rate of an {@link Auditor} on honest samples (paper, Appendix C: 1000 honest draws per seed):
 * S_0', S_1' drawn uniformly with replacement from the groups, audited, repeated; the rate comes with a Wilson
 * interval. A correct detector stays at or below its significance. {@link #run(FullAudit)} does the same for every
 * family of a full audit ({@link FamilyRates}).
 */
public final class Calibration {
    private final int repeats;
    private final int m;
    private final long seed;
    private final Progress progress;
    private final boolean replacement;
    private final List<List<AuditFamily>> batteries;

    private Calibration(int repeats, int m, long seed, Progress progress, boolean replacement,
                        List<List<AuditFamily>> batteries) {
        this.repeats = repeats;
        this.m = m;
        this.seed = seed;
        this.progress = progress;
        this.replacement = replacement;
        this.batteries = batteries;
    }

    /** 1000 repeats of M = 200, seed 0. */
    public static Calibration withDefaults() {
        return new Calibration(1000, 200, 0, Progress.ambient(), true, List.of());
    }

    public Calibration withRepeats(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        return new Calibration(repeats, m, seed, progress, replacement, batteries);
    }

    public Calibration withM(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("M must be at least 1, got " + m);
        }
        return new Calibration(repeats, m, seed, progress, replacement, batteries);
    }

    /** M from the audit protocol (the auditor's significance is its own). */
    public Calibration withProtocol(Protocol protocol) {
        return withM(protocol.m());
    }

    public Calibration withSeed(long seed) {
        return new Calibration(repeats, m, seed, progress, replacement, batteries);
    }

    public Calibration withProgress(Progress progress) {
        return new Calibration(repeats, m, seed, progress, replacement, batteries);
    }

    /**
     * Whether the honest samples of {@link #run(FullAudit)} are drawn with replacement (the paper's protocol,
     * default) or without (as an auditor drawing distinct rows would); {@link #run(Auditor)} always draws with.
     */
    public Calibration withReplacement(boolean replacement) {
        return new Calibration(repeats, m, seed, progress, replacement, batteries);
    }

    /**
     * Smaller batteries whose rates {@link #run(FullAudit)} also reports, each family of a battery at alpha / its
     * size, from the same audits (their families must be among the full audit's).
     */
    @SafeVarargs
    public final Calibration withBatteries(List<AuditFamily>... batteries) {
        return new Calibration(repeats, m, seed, progress, replacement, List.of(batteries));
    }

    /**
     * Each family's false-positive rate on honest pairs (S_0', S_1') drawn from the groups of the auditor's setting
     * (needs {@code Auditor.of(model, setting)}): the audit is prepared once from the seed (one Monte Carlo null per
     * family, shared by every draw, so the rates are conditional on that null, which varies them by about
     * sqrt(alpha / B) around their mean), then audited on R honest pairs. Each family is judged on its own at the
     * total alpha, and the whole audit with alpha split.
     */
    public FamilyRates run(FullAudit audit) {
        AuditSetting setting = audit.auditor().setting().orElseThrow(() -> new IllegalStateException(
                "this auditor has no audit setting: build it with Auditor.of(model, setting), or pass the groups' rows"));
        return run(audit.withFeatureDefaults(setting), setting.rows(Group.FOREGROUND), setting.rows(Group.BACKGROUND));
    }

    /** As {@link #run(FullAudit)} with the groups' rows given (the auditor holds their outputs). */
    public FamilyRates run(FullAudit audit, double[][] d0, double[][] d1) {
        Auditor auditor = audit.auditor();
        double alpha = auditor.significance();
        double[] f0 = auditor.foreground().outputs();
        double[] f1 = auditor.background().outputs();
        SplittableRandom rng = new SplittableRandom(seed);
        FullAudit.Prepared prepared = audit.prepare(d0, d1, m, m, rng.nextLong());
        List<AuditFamily> families = prepared.families();
        int[] alone = new int[families.size()];
        long[] nanos = new long[families.size()];
        int all = 0;
        int[] battery = new int[batteries.size()];
        for (List<AuditFamily> b : batteries) {
            if (!families.containsAll(b)) {
                throw new IllegalArgumentException("the battery " + b + " has families the audit does not run "
                        + families);
            }
        }
        for (int r = 0; r < repeats; r++) {
            int[] i0 = HonestDraws.positions(d0.length, m, replacement, rng);
            int[] i1 = HonestDraws.positions(d1.length, m, replacement, rng);
            double[][] s0 = Draws.pick(d0, i0);
            double[][] s1 = Draws.pick(d1, i1);
            double[] y0 = Draws.pick(f0, i0);
            double[] y1 = Draws.pick(f1, i1);
            boolean any = false;
            AuditVerdict[] verdicts = new AuditVerdict[families.size()];
            for (int k = 0; k < families.size(); k++) {
                long t0 = System.nanoTime();
                AuditVerdict v = prepared.run(families.get(k), s0, s1, y0, y1, rng.split());
                nanos[k] += System.nanoTime() - t0;
                verdicts[k] = v;
                alone[k] += v.detectedAt(alpha) ? 1 : 0;
                any |= v.detected();
            }
            all += any ? 1 : 0;
            for (int b = 0; b < batteries.size(); b++) {
                battery[b] += detectedBy(batteries.get(b), families, verdicts, alpha) ? 1 : 0;
            }
            progress.update("calibration", r + 1, repeats);
        }
        List<Rate> rates = new ArrayList<>();
        double[] seconds = new double[families.size()];
        for (int k = 0; k < families.size(); k++) {
            rates.add(Rate.of(alone[k], repeats, 0.95));
            seconds[k] = nanos[k] / 1e9 / repeats;
        }
        java.util.Map<String, Rate> byBattery = new java.util.LinkedHashMap<>();
        for (int b = 0; b < batteries.size(); b++) {
            byBattery.put(name(batteries.get(b)), Rate.of(battery[b], repeats, 0.95));
        }
        return new FamilyRates(families.stream().map(AuditFamily::id).toList(), rates, Rate.of(all, repeats, 0.95),
                byBattery, seconds, alpha, m);
    }

    /** Whether any family of the battery rejects at alpha / (its size). */
    static boolean detectedBy(List<AuditFamily> battery, List<AuditFamily> families, AuditVerdict[] verdicts,
                              double alpha) {
        for (AuditFamily f : battery) {
            if (verdicts[families.indexOf(f)].detectedAt(alpha / battery.size())) {
                return true;
            }
        }
        return false;
    }

    /** A battery's name: its family ids joined with "+", in report order. */
    static String name(List<AuditFamily> battery) {
        return String.join("+", AuditFamily.all().stream().filter(battery::contains).map(AuditFamily::id).toList());
    }

    /** The false-positive rate of {@code auditor} with a 95% Wilson interval. */
    public Rate run(Auditor auditor) {
        double[] foregroundOutputs = auditor.foreground().outputs();
        double[] backgroundOutputs = auditor.background().outputs();
        SplittableRandom rng = new SplittableRandom(seed);
        int flagged = 0;
        for (int r = 0; r < repeats; r++) {
            double[] s0 = Draws.pick(foregroundOutputs, Draws.uniform(foregroundOutputs.length, m, rng));
            double[] s1 = Draws.pick(backgroundOutputs, Draws.uniform(backgroundOutputs.length, m, rng));
            flagged += auditor.detects(s0, s1, rng) ? 1 : 0;
            progress.update("calibration", r + 1, repeats);
        }
        return Rate.of(flagged, repeats, 0.95);
    }
}
