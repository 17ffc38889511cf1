package org.foolshap.attack;

import java.util.SplittableRandom;
import org.foolshap.audit.Auditor;
import org.foolshap.audit.Draws;

/**
 * The brute-force baseline (paper, Section 5): draw honest uniform subsets S_1' of the background, audit each, and
 * keep the undetected one with the smallest |Phi_s|, within a wall-time budget (the paper gives it the sweep's time)
 * and a maximum number of tries. Phi comes from the coefficient matrix, as in the sweep.
 */
public final class BruteForce {
    private final int m;
    private final double seconds;
    private final int maxTries;
    private final long seed;

    private BruteForce(int m, double seconds, int maxTries, long seed) {
        this.m = m;
        this.seconds = seconds;
        this.maxTries = maxTries;
        this.seed = seed;
    }

    /** M = 200, 10 seconds, at most 100,000 tries, seed 0. */
    public static BruteForce withDefaults() {
        return new BruteForce(200, 10, 100_000, 0);
    }

    public BruteForce withM(int m) {
        StealthySampler.withDefaults().withM(m);
        return new BruteForce(m, seconds, maxTries, seed);
    }

    /** Wall-time budget in seconds (> 0). */
    public BruteForce withSeconds(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("the brute-force time budget must be positive, got " + seconds);
        }
        return new BruteForce(m, seconds, maxTries, seed);
    }

    public BruteForce withMaxTries(int maxTries) {
        if (maxTries < 1) {
            throw new IllegalArgumentException("maxTries must be at least 1, got " + maxTries);
        }
        return new BruteForce(m, seconds, maxTries, seed);
    }

    public BruteForce withSeed(long seed) {
        return new BruteForce(m, seconds, maxTries, seed);
    }

    /** The result: the best undetected sample (null rows when none was undetected). */
    public record Result(int[] rows, double[] phi, double target, int tries, int undetected, double seconds) {
        public boolean found() {
            return rows != null;
        }
    }

    public Result run(double[][] coefficients, int sensitive, double[] backgroundOutputs, double[] s0Outputs,
                      Auditor auditor) {
        double[] target = Coefficients.column(coefficients, sensitive);
        Checks.finite("background outputs", backgroundOutputs);
        StealthySampler.withDefaults().withM(m).fits("background", backgroundOutputs.length);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] best = null;
        double bestTarget = Double.NaN;
        int tries = 0;
        int undetected = 0;
        while (tries < maxTries && System.nanoTime() < deadline) {
            tries++;
            int[] rows = Draws.uniform(backgroundOutputs.length, m, rng);
            double t = 0;
            for (int j : rows) {
                t += target[j];
            }
            t /= m;
            // auditing is the expensive part: skip samples that would not improve
            if (best != null && Math.abs(t) >= Math.abs(bestTarget)) {
                continue;
            }
            if (!auditor.detects(s0Outputs, Draws.pick(backgroundOutputs, rows), rng)) {
                undetected++;
                best = rows;
                bestTarget = t;
            }
        }
        double[] phi = best == null ? null : Coefficients.phi(coefficients, best);
        return new Result(best, phi, bestTarget, tries, undetected, (System.nanoTime() - start) / 1e9);
    }
}
