package org.foolshap.attack;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.foolshap.Matrices;
import org.foolshap.Progress;
import org.foolshap.audit.Auditor;
import org.foolshap.shap.Explainer;
import org.foolshap.shap.ForegroundCoefficients;

/**
 * The genetic baseline of Baniecki and Biecek ("Fooling partial dependence via data poisoning"), with the operators
 * and budget of the Fool SHAP paper's runs (Section 5; official code {@code src/genetic}): instead of choosing which
 * background rows to show, it perturbs the feature VALUES of S_1'. Individuals are whole M x d backgrounds; the loss
 * of an individual is |Phi_s(f, S_0', S_1')| (one coefficient call). Published setting ({@link #withDefaults()}):
 * population P = 10, 100 generations, no time limit, stop after 10 consecutive detected generations.
 * <ol>
 *   <li>Start: P copies of the initial S_1', each mutated with thrice the noise.</li>
 *   <li>Each generation: crossover, then mutation of the whole population, evaluation, selection.</li>
 *   <li>Crossover: P/2 distinct individuals are picked; child i takes from the (P/2 - 1 - i)-th picked individual a
 *   random set of k columns, k uniform in {0, ..., floor(d/2) - 1}, all rows; the children join the population
 *   (1.5 P individuals).</li>
 *   <li>Mutation, of every individual (the elites kept by the last selection included): per individual and column, a
 *   mask with probability 0.5; each masked entry gets N(0, (sd_j / 9)^2) noise (sd_j the population sd of column j
 *   in the initial S_1'), except entries equal to 0, which stay 0; categorical columns ({@link #withCategorical})
 *   are never changed. An entry pushed above the column's initial maximum is redrawn uniformly between its initial
 *   value and the maximum (below the minimum: between the minimum and its initial value).</li>
 *   <li>Selection (every generation but the last): the 2 best individuals survive, and P - 2 are drawn with
 *   replacement among the P best, the k-th best (k = 0..P-1) with probability proportional to P - k.</li>
 *   <li>Audit: the best individual of the generation is audited; the answer is the best undetected individual seen
 *   whose loss beats the initial S_1' (none: {@link Result#found()} is false).</li>
 * </ol>
 *
 * <p>Stopping. After {@code patience} (10) consecutive detected generations, at the generation limit, or (the
 * {@link #fast} setting only) at a wall-time budget. The official code also has a loss-convergence stop, whose
 * test {@code abs(a - b/mean)} (for {@code abs((a - b)/mean)}) almost never fires; it is left out.
 *
 * <p>Cost: 1.5 P coefficient calls of M x M pairs per generation (P = 10, M = 200: 15 calls, 600,000 pairs), all
 * against S_0' ({@link Explainer#against}: TreeSHAP keeps its per-tree work on S_0' between them, 5.5x per
 * generation on Adult's tuned forest).
 */
public final class GeneticAttack {
    /** The published population size. */
    public static final int PUBLISHED_POPULATION = 10;
    /** The published number of generations. */
    public static final int PUBLISHED_GENERATIONS = 100;

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

    /** The published setting: population 10, 100 generations, no time limit, patience 10, seed 0. */
    public static GeneticAttack withDefaults() {
        return new GeneticAttack(PUBLISHED_POPULATION, PUBLISHED_GENERATIONS, Double.POSITIVE_INFINITY, 10, 0, null,
                Progress.ambient());
    }

    /**
     * The FAST setting (not the paper's): the published operators and population, stopped after {@code seconds} of
     * wall time (e.g. the lambda sweep's) if the 100 generations are not done by then. Its results depend on the
     * machine's speed.
     */
    public static GeneticAttack fast(double seconds) {
        return withDefaults().withSeconds(seconds);
    }

    /** Population size P, at least 4 (2 elites and a pair of parents); the paper uses 10. */
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

    /** Wall-time budget in seconds (positive; infinity = none, the published setting). */
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

    public int population() {
        return population;
    }

    public int maxGenerations() {
        return maxGenerations;
    }

    /** The wall-time budget in seconds (infinity: none). */
    public double seconds() {
        return seconds;
    }

    /** Why the search ended. */
    public enum Stop { DETECTIONS, GENERATIONS, TIME }

    /**
     * @param rows        the best undetected S_1' (perturbed values), null when no audited generation was both
     *                    undetected and better than the initial S_1'
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
        // every call is against S_0': TreeSHAP keeps its per-tree work on S_0' between them
        ForegroundCoefficients against = explainer.against(s0Rows);
        double initialLoss = Math.abs(Coefficients.phi(against.of(initial), all(m))[sensitive]);
        double[][][] pop = new double[population][][];
        for (int p = 0; p < population; p++) {
            pop[p] = Matrices.copy(initial);
            mutate(pop[p], initial, numeric, sd, 3, lo, hi, rng);
        }
        double[][] bestRows = null;
        double bestTarget = Double.NaN;
        double bestLoss = initialLoss;
        int consecutive = 0;
        int generation = 0;
        Stop stop = Stop.GENERATIONS;
        while (generation < maxGenerations) {
            generation++;
            double[][][] all = crossover(pop, d, rng);
            for (double[][] individual : all) {
                mutate(individual, initial, numeric, sd, 1, lo, hi, rng);
            }
            double[] phiS = new double[all.length];
            double[] loss = new double[all.length];
            for (int p = 0; p < all.length; p++) {
                phiS[p] = Coefficients.phi(against.of(all[p]), all(m))[sensitive];
                loss[p] = Math.abs(phiS[p]);
            }
            progress.update("genetic attack", generation, maxGenerations);
            int[] order = IndexSort.ascending(loss);
            double[][] champion = all[order[0]];
            if (auditor.detects(s0Outputs, explainer.model().outputs(champion), rng)) {
                consecutive++;
            } else {
                consecutive = 0;
                if (loss[order[0]] < bestLoss) {
                    bestLoss = loss[order[0]];
                    bestRows = Matrices.copy(champion);
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
            if (generation < maxGenerations) {
                pop = select(all, order, rng);
            }
        }
        double[] phi = bestRows == null ? null
                : Coefficients.phi(against.of(bestRows), all(m));
        return new Result(bestRows, phi, bestTarget, generation, stop, (System.nanoTime() - start) / 1e9);
    }

    /** The population followed by P/2 children, each with k random columns taken from its mirror in the picks. */
    private double[][][] crossover(double[][][] pop, int d, SplittableRandom rng) {
        int half = population / 2;
        int k = d / 2 >= 1 ? rng.nextInt(d / 2) : 0;
        int[] cols = pick(d, k, rng);
        int[] parents = pick(population, half, rng);
        double[][][] all = Arrays.copyOf(pop, population + half);
        for (int i = 0; i < half; i++) {
            double[][] child = Matrices.copy(pop[parents[i]]);
            double[][] donor = pop[parents[half - 1 - i]];
            for (int r = 0; r < child.length; r++) {
                for (int col : cols) {
                    child[r][col] = donor[r][col];
                }
            }
            all[population + i] = child;
        }
        for (int p = 0; p < population; p++) {
            all[p] = Matrices.copy(pop[p]); // mutation works in place; parents picked above already read the old values
        }
        return all;
    }

    /** {@code k} distinct values of 0..n-1 (partial Fisher-Yates). */
    private static int[] pick(int n, int k, SplittableRandom rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int t = 0; t < k; t++) {
            int j = t + rng.nextInt(n - t);
            int v = idx[t];
            idx[t] = idx[j];
            idx[j] = v;
        }
        return Arrays.copyOf(idx, k);
    }

    /** The 2 best of {@code all}, after P - 2 rank-selected among its P best. */
    private double[][][] select(double[][][] all, int[] order, SplittableRandom rng) {
        double[][][] next = new double[population][][];
        double total = population * (population + 1) / 2.0;
        for (int p = 0; p < population - 2; p++) {
            next[p] = all[order[rankPick(rng, total)]];
        }
        next[population - 2] = all[order[1]];
        next[population - 1] = all[order[0]];
        return next;
    }

    /** A rank 0..P-1 drawn with probability proportional to P - rank. */
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

    /**
     * Per column (numeric only) with probability 0.5: N(0, (adjust sd_j / 9)^2) noise on every non-zero entry; out of
     * the initial [min, max], redrawn between the entry's initial value and the bound.
     */
    private static void mutate(double[][] x, double[][] initial, int[] numeric, double[] sd, double adjust,
                               double[] lo, double[] hi, SplittableRandom rng) {
        for (int col : numeric) {
            if (rng.nextDouble() >= 0.5) {
                continue;
            }
            double scale = sd[col] / 9 * adjust;
            for (int r = 0; r < x.length; r++) {
                if (x[r][col] == 0) {
                    continue; // zeros preserved (e.g. capital gain), as in the official code
                }
                double v = x[r][col] + rng.nextGaussian() * scale;
                double v0 = initial[r][col];
                if (v > hi[col]) {
                    v = v0 + rng.nextDouble() * (hi[col] - v0);
                } else if (v < lo[col]) {
                    v = lo[col] + rng.nextDouble() * (v0 - lo[col]);
                }
                x[r][col] = v;
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


    private static int[] all(int m) {
        int[] a = new int[m];
        for (int i = 0; i < m; i++) {
            a[i] = i;
        }
        return a;
    }
}
