package org.foolshap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.foolshap.attack.AttackResult;
import org.foolshap.attack.FoolShap;
import org.foolshap.audit.AuditFamily;
import org.foolshap.audit.Auditor;
import org.foolshap.audit.Calibration;
import org.foolshap.audit.DetectionPower;
import org.foolshap.audit.Draws;
import org.foolshap.audit.ExactKs;
import org.foolshap.audit.FamilyRates;
import org.foolshap.audit.FullAudit;
import org.foolshap.audit.PowerTable;
import org.foolshap.audit.Rate;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.data.Group;
import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.Trainer;
import org.foolshap.shap.Explainers;

/**
 * The auditor's test battery measured on real data (docs/AUDITING.md): for each dataset, a random forest (seed 0,
 * split 0), the Fool SHAP sweep (paper's lambdas, R = 100, M = 200, no baselines), then
 * <ol>
 *   <li>each family's false-positive rate on honest pairs (M = 200 each, uniform with replacement, the paper's
 *   sampling) alone at alpha = 0.05, and the whole battery's with alpha split (Bonferroni);</li>
 *   <li>the feature family before and after the fix on the case (honest samples drawn without replacement):
 *   the old chi-square-with-pooling and one-reference KS, with a fresh seed per audit and with seed 0 for every
 *   audit, and the new Monte Carlo family;</li>
 *   <li>each family's detection rate against the sweep's samplers at every 4th lambda;</li>
 *   <li>the same for the recommended battery (paper, duplicates, features, energy; alpha split between them), from
 *   the same audits;</li>
 *   <li>where the background is small enough for the capped solver (COMPAS, Communities), the same against the
 *   capped attack, which puts at most K = 2 of N units of weight on a row and so repeats rows far less.</li>
 * </ol>
 * Not a test: run from lib/ after {@code mvn -o -q test-compile}:
 * <pre>
 *   FOOLSHAP_DATA=/work/shared/datasets java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *       org.foolshap.bench.AuditBattery [datasets (adult,compas,communities)] [honest draws (200)] [draws per lambda (60)]
 * </pre>
 * with cp.txt from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}.
 * Tables go to stdout (Markdown) and CSV files to target/audit-battery/.
 */
public final class AuditBattery {
    /** The battery docs/AUDITING.md recommends. */
    static final List<AuditFamily> RECOMMENDED = List.of(AuditFamily.PAPER, AuditFamily.DUPLICATES,
            AuditFamily.FEATURES, AuditFamily.ENERGY);
    /** The capped attack's K: at most K of the N units of weight on one background row. */
    static final int CAP = 2;

    private AuditBattery() {
    }

    public static void main(String[] args) throws IOException {
        List<String> names = List.of((args.length > 0 ? args[0] : "adult,compas,communities").split(","));
        int honest = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int perLambda = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path out = Path.of("target", "audit-battery");
        Files.createDirectories(out);
        System.out.printf(Locale.ROOT, "load average at start: %s (%d processors)%n", load(),
                Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        for (String name : names) {
            long t0 = System.nanoTime();
            Dataset data = Datasets.load(name);
            AuditSetting setting = AuditSetting.of(data);
            Model model = Trainer.of(ModelKind.RF).withSeed(0).fit(data, data.split(0));
            AttackResult attack = FoolShap.of(Explainers.auto(model)).withBaselines(false).withSeed(0).attack(setting);
            double attackSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%n## %s%n%n%s%nattack: %.1f s; lambda* %s, detected by the paper's test in "
                    + "%.0f%% of audits; Phi_s %.4f -> %.4f%n", name, setting, attackSeconds,
                    attack.sweep().chosen().map(p -> String.format(Locale.ROOT, "%.3g", p.lambda())).orElse("none"),
                    100 * attack.detectionRate(), attack.phiBefore(), attack.phiAfter());

            Auditor auditor = Auditor.of(model, setting).withSignificance(0.05);
            FullAudit battery = FullAudit.of(auditor).withFamilies(AuditFamily.all());
            long t1 = System.nanoTime();
            FamilyRates fp = Calibration.withDefaults().withRepeats(honest).withM(200).withSeed(1)
                    .withBatteries(RECOMMENDED).run(battery);
            double fpSeconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "%n### False-positive rates (%d honest pairs, M = 200, with replacement; "
                    + "%.1f s incl. preparation)%n%n%s", honest, fpSeconds, markdown(fp));
            fp.toTable().write().csv(out.resolve(name + "-false-positives.csv").toString());

            featuresBeforeAndAfter(name, setting, auditor, honest);

            long t2 = System.nanoTime();
            PowerTable power = DetectionPower.withDefaults().withRepeats(perLambda).withSeed(2)
                    .withBatteries(RECOMMENDED).run(battery, attack.sweep(), 4, 200);
            double powerSeconds = (System.nanoTime() - t2) / 1e9;
            System.out.printf(Locale.ROOT, "%n### Detection rate against the sweep (%d draws per lambda, M = 200; %.1f s)"
                    + "%n%n%s", perLambda, powerSeconds, markdown(power, attack));
            power.toTable().write().csv(out.resolve(name + "-power.csv").toString());

            if (setting.size(Group.BACKGROUND) <= org.foolshap.attack.CappedWeights.MAX_POINTS) {
                long t3 = System.nanoTime();
                AttackResult capped = FoolShap.of(Explainers.auto(model)).withBaselines(false).withSeed(0)
                        .withCap(CAP).attack(setting);
                PowerTable cappedPower = DetectionPower.withDefaults().withRepeats(perLambda).withSeed(2)
                        .withBatteries(RECOMMENDED).run(battery, capped.sweep(), 4, 200);
                System.out.printf(Locale.ROOT, "%n### Against the capped attack (at most %d of N units of weight per "
                        + "background row; lambda* %s, detected by the paper's test in %.0f%%; Phi_s %.4f -> %.4f; "
                        + "%.1f s)%n%n%s", CAP,
                        capped.sweep().chosen().map(p -> String.format(Locale.ROOT, "%.3g", p.lambda())).orElse("none"),
                        100 * capped.detectionRate(), capped.phiBefore(), capped.phiAfter(),
                        (System.nanoTime() - t3) / 1e9, markdown(cappedPower, capped));
                cappedPower.toTable().write().csv(out.resolve(name + "-capped-power.csv").toString());
            }
            System.out.printf(Locale.ROOT, "%n%s done in %.1f s; load average %s%n", name, (System.nanoTime() - t0) / 1e9,
                    load());
        }
        System.out.printf(Locale.ROOT, "%ntotal %.1f s; load average at end: %s%n", (System.nanoTime() - start) / 1e9,
                load());
    }

    /** The case: honest samples drawn without replacement, old and new feature families. */
    static void featuresBeforeAndAfter(String name, AuditSetting setting, Auditor auditor, int reps) {
        double[][] d0 = setting.rows(Group.FOREGROUND);
        double[][] d1 = setting.rows(Group.BACKGROUND);
        boolean[] mask = setting.categorical();
        SplittableRandom r = new SplittableRandom(3);
        int oldFresh = 0;
        int oldSeedZero = 0;
        List<double[][][]> samples = new ArrayList<>();
        for (int k = 0; k < reps; k++) {
            double[][] s0 = Draws.pick(d0, withoutReplacement(d0.length, 200, r));
            double[][] s1 = Draws.pick(d1, withoutReplacement(d1.length, 200, r));
            samples.add(new double[][][] {s0, s1});
            oldFresh += legacyFeatures(d0, d1, s0, s1, mask, 0.05, r.nextLong()) ? 1 : 0;
            oldSeedZero += legacyFeatures(d0, d1, s0, s1, mask, 0.05, 0) ? 1 : 0;
        }
        FamilyRates fixed = Calibration.withDefaults().withRepeats(reps).withM(200).withSeed(3).withReplacement(false)
                .run(FullAudit.of(auditor).withFamilies(AuditFamily.FEATURES));
        System.out.printf(Locale.ROOT, "%n### Feature family on honest samples drawn without replacement (%d pairs, "
                + "alpha = 0.05)%n%n| feature family | false-positive rate (95%% Wilson) |%n|---|---|%n"
                + "| before: pooled chi-square, one KS reference, fresh seed per audit | %s |%n"
                + "| before: same, seed 0 for every audit (the CLI default) | %s |%n"
                + "| after: against the whole group, Monte Carlo (B = 999), max-T | %s |%n", reps,
                Rate.of(oldFresh, reps, 0.95), Rate.of(oldSeedZero, reps, 0.95), fixed.rate("features"));
    }

    static int[] withoutReplacement(int n, int m, SplittableRandom r) {
        java.util.LinkedHashSet<Integer> s = new java.util.LinkedHashSet<>();
        while (s.size() < m) {
            s.add(r.nextInt(n));
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The feature family as it was before this change (kept here to measure it): per group at alpha / 2, per
     * feature at alpha / (2d): exact KS of the sample against ONE uniform size-M subsample of the group drawn from
     * the seed for numeric features, and a chi-square goodness of fit pooling the levels expected fewer than 5 times
     * for categorical ones.
     */
    static boolean legacyFeatures(double[][] d0, double[][] d1, double[][] s0, double[][] s1, boolean[] categorical,
                                  double alpha, long seed) {
        SplittableRandom rng = new SplittableRandom(seed); // consumed as the old FullAudit.run did
        rng.split(); // the paper's family
        rng.nextLong(); // the duplicates test of S_0'
        rng.nextLong(); // and of S_1'
        return legacyGroup(d0, s0, categorical, alpha / 2, rng.split())
                | legacyGroup(d1, s1, categorical, alpha / 2, rng.split());
    }

    private static boolean legacyGroup(double[][] group, double[][] sample, boolean[] categorical, double alpha,
                                       SplittableRandom rng) {
        int d = group[0].length;
        int[] ref = Draws.uniform(group.length, sample.length, rng);
        boolean any = false;
        for (int j = 0; j < d; j++) {
            double[] s = column(sample, j, null);
            double p;
            if (categorical[j]) {
                p = legacyChiSquare(column(group, j, null), s);
            } else {
                p = ExactKs.test(s, column(group, j, ref)).pValue();
            }
            any |= p < alpha / d;
        }
        return any;
    }

    private static double legacyChiSquare(double[] group, double[] sample) {
        Map<Double, long[]> counts = new LinkedHashMap<>();
        for (double v : group) {
            counts.computeIfAbsent(v, k -> new long[2])[0]++;
        }
        for (double v : sample) {
            long[] c = counts.get(v);
            if (c == null) {
                return 0;
            }
            c[1]++;
        }
        List<double[]> cells = new ArrayList<>();
        double pooledExpected = 0;
        long pooledObserved = 0;
        for (long[] c : counts.values()) {
            double e = sample.length * c[0] / (double) group.length;
            if (e < 5) {
                pooledExpected += e;
                pooledObserved += c[1];
            } else {
                cells.add(new double[] {e, c[1]});
            }
        }
        if (pooledExpected > 0) {
            cells.add(new double[] {pooledExpected, pooledObserved});
        }
        if (cells.size() < 2) {
            return 1;
        }
        double[] expected = cells.stream().mapToDouble(c -> c[0]).toArray();
        long[] observed = cells.stream().mapToLong(c -> (long) c[1]).toArray();
        return ChiSquareTest.withDefaults().test(expected, observed).getPValue();
    }

    private static double[] column(double[][] rows, int j, int[] pick) {
        int n = pick == null ? rows.length : pick.length;
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            c[k] = rows[pick == null ? k : pick[k]][j];
        }
        return c;
    }

    static String markdown(FamilyRates fp) {
        StringBuilder sb = new StringBuilder("| family | false-positive rate alone at 0.05 (95% Wilson) | ms per audit |\n"
                + "|---|---|---|\n");
        for (int i = 0; i < fp.families().size(); i++) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.1f |%n", fp.families().get(i), fp.alone().get(i),
                    1000 * fp.secondsPerAudit()[i]));
        }
        sb.append(String.format(Locale.ROOT, "| all seven, alpha/7 each | %s | %.1f |%n", fp.all(),
                1000 * java.util.Arrays.stream(fp.secondsPerAudit()).sum()));
        fp.batteries().forEach((b, r) -> sb.append(String.format(Locale.ROOT, "| %s, alpha/%d each | %s | |%n", b,
                b.split("\\+").length, r)));
        return sb.toString();
    }

    static String markdown(PowerTable power, AttackResult attack) {
        StringBuilder sb = new StringBuilder("| lambda | Phi_s (mean over the sweep's audits) |");
        for (String t : power.tests()) {
            sb.append(' ').append(t).append(" |");
        }
        sb.append("\n|---|---|").append("---|".repeat(power.tests().size())).append('\n');
        double[] lambdas = power.lambdas();
        int s = attack.sensitive();
        for (int l = 0; l < lambdas.length; l++) {
            double lambda = lambdas[l];
            double phi = attack.sweep().points().stream().filter(p -> p.lambda() == lambda).findFirst()
                    .map(p -> p.meanPhi()[s]).orElse(Double.NaN);
            sb.append(String.format(Locale.ROOT, "| %.3g | %.4f |", lambda, phi));
            for (String t : power.tests()) {
                sb.append(String.format(Locale.ROOT, " %.2f |", power.rate(t, l, 0)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
