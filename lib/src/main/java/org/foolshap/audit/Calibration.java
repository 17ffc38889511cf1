package org.foolshap.audit;

import java.util.SplittableRandom;
import org.foolshap.Progress;

/**
 * The false-positive rate of an {@link Auditor} on honest samples (paper, Appendix C: 1000 honest draws per seed):
 * S_0', S_1' drawn uniformly with replacement from the groups, audited, repeated; the rate comes with a Wilson
 * interval. A correct detector stays at or below its significance.
 */
public final class Calibration {
    private final int repeats;
    private final int m;
    private final long seed;
    private final Progress progress;

    private Calibration(int repeats, int m, long seed, Progress progress) {
        this.repeats = repeats;
        this.m = m;
        this.seed = seed;
        this.progress = progress;
    }

    /** 1000 repeats of M = 200, seed 0. */
    public static Calibration withDefaults() {
        return new Calibration(1000, 200, 0, Progress.ambient());
    }

    public Calibration withRepeats(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        return new Calibration(repeats, m, seed, progress);
    }

    public Calibration withM(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("M must be at least 1, got " + m);
        }
        return new Calibration(repeats, m, seed, progress);
    }

    /** M from the audit protocol (the auditor's significance is its own). */
    public Calibration withProtocol(Protocol protocol) {
        return withM(protocol.m());
    }

    public Calibration withSeed(long seed) {
        return new Calibration(repeats, m, seed, progress);
    }

    public Calibration withProgress(Progress progress) {
        return new Calibration(repeats, m, seed, progress);
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
