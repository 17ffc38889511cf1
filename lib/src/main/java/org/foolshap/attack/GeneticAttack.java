package org.foolshap.attack;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.foolshap.Progress;
import org.foolshap.audit.Auditor;
import org.foolshap.shap.Explainer;

/**
 * The genetic baseline of Baniecki and Biecek ("Fooling partial dependence via data poisoning", as adapted in the
 * Fool SHAP paper, Section 5): instead of choosing which background rows to show, it perturbs the feature VALUES of
 * S_1'. Individuals are whole M x d backgrounds; fitness is |Phi_s(f, S_0', S_1')| (one coefficient call per
 * individual per generation); the next generation keeps 2 elites and fills the rest with children of rank-selected
 * parents (probability proportional to rank), crossed over by swapping up to d/2 whole numeric columns, then mutated:
 * each numeric entry with probability 0.5 gets Gaussian noise of sd = (that feature's sd in the initial S_1') / 9,
 * clamped to the feature's initial range. Categorical columns (a mask) are never changed.
 *
 * <p>Stopping. Each generation the best individual is audited; the search stops after {@code patience} (10)
 * consecutive detected generations. The official code meant the same, but an operator-precedence slip in its stop
 * test means it never fires; here it is a plain counter, reset by every undetected generation. Also stops at a generation limit or a wall-time budget. The answer is the best
 * undetected individual seen.
 */
public final class GeneticAttack {
    private final int population;
    private final int maxGenerations;
    private final double seconds;
    private final int patience;
    private final long seed;
    private final boolean[] categorical;
    private final Progress progress;

    private GeneticAttack(int population, int maxGenerations, double seconds, int patience, long seed,
                          boolean[] categorical, Progress progress) {
        this.population = population;
        this.maxGenerations = maxGenerations;
        this.seconds = seconds;
        this.patience = patience;
        this.seed = seed;
        this.categorical = categorical;
        this.progress = progress;
    }

    /** Population 30, at most 100 generations or 60 seconds, patience 10, seed 0, all features numeric. */
    public static GeneticAttack withDefaults() {
        return new GeneticAttack(30, 100, 60, 10, 0, null, Progress.ambient());
    }

    /** Population size, at least 4 (2 elites and a pair of parents); the paper uses 10 to 50. */
    public GeneticAttack withPopulation(int population) {
        if (population < 4) {
            throw new IllegalArgumentException("the population must be at least 4, got " + population);
        }
        return new GeneticAttack(population, maxGenerations, seconds, patience, seed, categorical, progress);
    }

    public GeneticAttack withMaxGenerations(int maxGenerations) {
        if (maxGenerations < 1) {
            throw new IllegalArgumentException("maxGenerations must be at least 1, got " + maxGenerations);
        }
        return new GeneticAttack(population, maxGenerations, seconds, patience, seed, categorical, progress);
    }

    public GeneticAttack withSeconds(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("the genetic time budget must be positive, got " + seconds);
        }
        return new GeneticAttack(population, maxGenerations, seconds, patience, seed, categorical, progress);
    }

    /** Consecutive detected generations before stopping (paper: 10). */
    public GeneticAttack withPatience(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1, got " + patience);
        }
        return new GeneticAttack(population, maxGenerations, seconds, patience, seed, categorical, progress);
    }

    public GeneticAttack withSeed(long seed) {
        return new GeneticAttack(population, maxGenerations, seconds, patience, seed, categorical, progress);
    }

    /** Which features are categorical (held fixed). */
    public GeneticAttack withCategorical(boolean[] categorical) {
        return new GeneticAttack(population, maxGenerations, seconds, patience, seed, categorical.clone(), progress);
    }

    public GeneticAttack withProgress(Progress progress) {
        return new GeneticAttack(population, maxGenerations, seconds, patience, seed, categorical, progress);
    }

    /** Why the search ended. */
    public enum Stop { DETECTIONS, GENERATIONS, TIME }

    /**
     * @param rows        the best undetected S_1' (perturbed values), null when every audited generation was detected
     * @param phi         Phi of every feature for {@code rows} (null with them)
     * @param target      Phi_s of {@code rows} (NaN without them)
     * @param generations generations evaluated
     * @param stop        why the search ended
     */
    public record Result(double[][] rows, double[] phi, double target, int generations, Stop stop, double seconds) {
        public boolean found() {
            return rows != null;
        }
    }

    /**
     * Runs the attack from {@code initial} (the honest S_1', e.g. a uniform sample of D_1). The auditor sees
     * f(S_0') and f(perturbed S_1').
     */
    public Result run(Explainer explainer, double[][] s0Rows, double[][] initial, int sensitive, Auditor auditor) {
        long start = System.nanoTime();
        int d = explainer.model().width();
        Checks.matrix("S_0' rows", s0Rows);
        Checks.matrix("initial S_1' rows", initial);
        Checks.feature("sensitive feature", sensitive, d);
        if (initial[0].length != d || s0Rows[0].length != d) {
            throw new IllegalArgumentException("rows have " + initial[0].length + " and " + s0Rows[0].length
                    + " columns but the model takes " + d);
        }
        if (categorical != null && categorical.length != d) {
            throw new IllegalArgumentException("the categorical mask has " + categorical.length + " entries for "
                    + d + " features");
        }
        int m = initial.length;
        double[] s0Outputs = explainer.model().outputs(s0Rows);
        int[] numeric = numericColumns(d);
        double[] sd = new double[d];
        double[] lo = new double[d];
        double[] hi = new double[d];
        stats(initial, sd, lo, hi);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] pop = new double[population][][];
        pop[0] = copy(initial);
        for (int p = 1; p < population; p++) {
            pop[p] = copy(initial);
            mutate(pop[p], numeric, sd, lo, hi, rng);
        }
        double[][] bestRows = null;
        double bestTarget = Double.NaN;
        int consecutive = 0;
        int generation = 0;
        Stop stop = Stop.GENERATIONS;
        while (generation < maxGenerations) {
            double[] fitness = new double[population];
            double[] phiS = new double[population];
            for (int p = 0; p < population; p++) {
                phiS[p] = Coefficients.phi(explainer.coefficients(s0Rows, pop[p]), all(m))[sensitive];
                fitness[p] = Math.abs(phiS[p]);
            }
            generation++;
            progress.update("genetic attack", generation, maxGenerations);
            int[] order = rankOrder(fitness);
            double[][] champion = pop[order[0]];
            if (auditor.detects(s0Outputs, explainer.model().outputs(champion), rng)) {
                consecutive++;
            } else {
                consecutive = 0;
                if (bestRows == null || fitness[order[0]] < Math.abs(bestTarget)) {
                    bestRows = copy(champion);
                    bestTarget = phiS[order[0]];
                }
            }
            if (consecutive >= patience) {
                stop = Stop.DETECTIONS;
                break;
            }
            if (System.nanoTime() - start > seconds * 1e9) {
                stop = Stop.TIME;
                break;
            }
            pop = nextGeneration(pop, order, numeric, sd, lo, hi, rng);
        }
        double[] phi = bestRows == null ? null
                : Coefficients.phi(explainer.coefficients(s0Rows, bestRows), all(m));
        return new Result(bestRows, phi, bestTarget, generation, stop, (System.nanoTime() - start) / 1e9);
    }

    private double[][][] nextGeneration(double[][][] pop, int[] order, int[] numeric, double[] sd, double[] lo,
                                        double[] hi, SplittableRandom rng) {
        double[][][] next = new double[population][][];
        next[0] = pop[order[0]];
        next[1] = pop[order[1]];
        // rank selection: the k-th best (k = 0..P-1) is chosen with probability proportional to P - k
        double total = population * (population + 1) / 2.0;
        for (int p = 2; p < population; p += 2) {
            double[][] a = copy(pop[order[rankPick(rng, total)]]);
            double[][] b = copy(pop[order[rankPick(rng, total)]]);
            crossover(a, b, numeric, rng);
            mutate(a, numeric, sd, lo, hi, rng);
            mutate(b, numeric, sd, lo, hi, rng);
            next[p] = a;
            if (p + 1 < population) {
                next[p + 1] = b;
            }
        }
        return next;
    }

    private int rankPick(SplittableRandom rng, double total) {
        double u = rng.nextDouble() * total;
        for (int k = 0; k < population; k++) {
            u -= population - k;
            if (u < 0) {
                return k;
            }
        }
        return population - 1;
    }

    /** Swaps between 1 and max(1, d/2) numeric columns (all rows) between two individuals. */
    private static void crossover(double[][] a, double[][] b, int[] numeric, SplittableRandom rng) {
        if (numeric.length == 0) {
            return;
        }
        int d = a[0].length;
        int k = 1 + rng.nextInt(Math.max(1, Math.min(numeric.length, d / 2)));
        int[] cols = numeric.clone();
        for (int t = 0; t < k; t++) {
            int pick = t + rng.nextInt(cols.length - t);
            int col = cols[pick];
            cols[pick] = cols[t];
            cols[t] = col;
            for (int r = 0; r < a.length; r++) {
                double v = a[r][col];
                a[r][col] = b[r][col];
                b[r][col] = v;
            }
        }
    }

    private static void mutate(double[][] x, int[] numeric, double[] sd, double[] lo, double[] hi,
                               SplittableRandom rng) {
        for (double[] row : x) {
            for (int col : numeric) {
                if (rng.nextDouble() < 0.5) {
                    double v = row[col] + rng.nextGaussian() * sd[col] / 9;
                    row[col] = Math.max(lo[col], Math.min(hi[col], v));
                }
            }
        }
    }

    private int[] numericColumns(int d) {
        return java.util.stream.IntStream.range(0, d).filter(i -> categorical == null || !categorical[i]).toArray();
    }

    private static void stats(double[][] x, double[] sd, double[] lo, double[] hi) {
        int d = sd.length;
        for (int i = 0; i < d; i++) {
            double s = 0;
            double ss = 0;
            lo[i] = Double.POSITIVE_INFINITY;
            hi[i] = Double.NEGATIVE_INFINITY;
            for (double[] row : x) {
                s += row[i];
                ss += row[i] * row[i];
                lo[i] = Math.min(lo[i], row[i]);
                hi[i] = Math.max(hi[i], row[i]);
            }
            double mean = s / x.length;
            sd[i] = Math.sqrt(Math.max(0, ss / x.length - mean * mean));
        }
    }

    /** Indices sorted by increasing fitness (best first), ties by index. */
    private static int[] rankOrder(double[] fitness) {
        return IndexSort.ascending(fitness);
    }

    private static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            c[r] = Arrays.copyOf(x[r], x[r].length);
        }
        return c;
    }

    private static int[] all(int m) {
        int[] a = new int[m];
        for (int i = 0; i < m; i++) {
            a[i] = i;
        }
        return a;
    }
}
