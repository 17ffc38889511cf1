package org.foolshap.attack;

import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.foolshap.Progress;
import org.foolshap.audit.Protocol;
import org.foolshap.audit.Auditor;
import org.foolshap.audit.Draws;
import org.foolshap.model.Metrics;
import org.foolshap.model.OutputScale;
import org.foolshap.shap.CoefficientMatrix;

/**
 * The paper's choice of lambda (Section 5, "Fool SHAP" paragraph): for each lambda on a log grid, the optimal weights
 * over the whole background, then R draws of S_1' (M rows with replacement, probabilities w) each audited against the
 * fixed S_0'; Phi of every feature for a draw is the mean of the drawn rows of the coefficient matrix (no new SHAP
 * calls). lambda* = the lambda with the smallest |mean Phi_s| among those detected less than {@code threshold} of the
 * time. The weights are solved on the outputs jittered by 1e-5 N(0,1) as in the official code ({@link #withJitter}).
 * Cost per lambda: O(N log N) for the weights plus R audits of O(M^2) each; lambdas run in parallel, with
 * generators split from the seed in grid order so results do not depend on the thread count.
 */
public final class LambdaSweep {
    private final double[] lambdas;
    private final int repeats;
    private final int m;
    private final double threshold;
    private final long seed;
    private final int cap;
    private final int direction;
    private final Progress progress;
    private final double jitter;

    /** The official code's tie-breaking jitter of the outputs the weights are solved on. */
    public static final double PAPER_JITTER = 1e-5;

    private LambdaSweep(double[] lambdas, int repeats, int m, double threshold, long seed, int cap, int direction,
                        Progress progress) {
        this(lambdas, repeats, m, threshold, seed, cap, direction, progress, PAPER_JITTER);
    }

    private LambdaSweep(double[] lambdas, int repeats, int m, double threshold, long seed, int cap, int direction,
                        Progress progress, double jitter) {
        this.jitter = jitter;
        this.lambdas = lambdas;
        this.repeats = repeats;
        this.m = m;
        this.threshold = threshold;
        this.seed = seed;
        this.cap = cap;
        this.direction = direction;
        this.progress = progress;
    }

    /** The paper's settings: lambdas 10^-0.5..10^2 in 20 steps, R = 100, M = 200, threshold 10%, seed 0. */
    public static LambdaSweep withDefaults() {
        return new LambdaSweep(LambdaGrid.paper().values(), 100, 200, 0.1, 0, 0, 0, Progress.ambient());
    }

    public LambdaSweep withLambdas(LambdaGrid grid) {
        return withLambdas(grid.values());
    }

    public LambdaSweep withLambdas(double... lambdas) {
        if (lambdas.length == 0) {
            throw new IllegalArgumentException("no lambdas given");
        }
        for (double l : lambdas) {
            Checks.lambda(l);
        }
        return new LambdaSweep(lambdas.clone(), repeats, m, threshold, seed, cap, direction, progress, jitter);
    }

    /** R, the biased draws audited per lambda. */
    public LambdaSweep withRepeats(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        return new LambdaSweep(lambdas, repeats, m, threshold, seed, cap, direction, progress, jitter);
    }

    public LambdaSweep withM(int m) {
        StealthySampler.withDefaults().withM(m);
        return new LambdaSweep(lambdas, repeats, m, threshold, seed, cap, direction, progress, jitter);
    }

    /** A lambda qualifies when detected in less than this fraction of the draws (paper: 0.1). */
    public LambdaSweep withThreshold(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the detection threshold must be in (0, 1], got " + threshold);
        }
        return new LambdaSweep(lambdas, repeats, m, threshold, seed, cap, direction, progress, jitter);
    }

    public LambdaSweep withSeed(long seed) {
        return new LambdaSweep(lambdas, repeats, m, threshold, seed, cap, direction, progress, jitter);
    }

    /** At most K of the N units per point ({@link CappedWeights}); 0 = no cap (the paper). */
    public LambdaSweep withCap(int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("the cap must be >= 0 (0 = none), got " + cap);
        }
        return new LambdaSweep(lambdas, repeats, m, threshold, seed, cap, direction, progress, jitter);
    }

    /**
     * Forces beta: +1 pushes the target down, -1 up, 0 (default) is the paper's beta = sign(sum c) which pushes it
     * towards zero. The manipulability interval sweeps both.
     */
    public LambdaSweep withDirection(int direction) {
        if (direction < -1 || direction > 1) {
            throw new IllegalArgumentException("direction must be -1, 0 or +1, got " + direction);
        }
        return new LambdaSweep(lambdas, repeats, m, threshold, seed, cap, direction, progress, jitter);
    }

    /** M, repeats and the stealth threshold from the protocol (its significance is the auditor's). */
    public LambdaSweep withProtocol(Protocol protocol) {
        return new LambdaSweep(lambdas, protocol.repeats(), protocol.m(), protocol.stealthThreshold(), seed, cap,
                direction, progress, jitter);
    }

    public LambdaSweep withProgress(Progress progress) {
        return new LambdaSweep(lambdas, repeats, m, threshold, seed, cap, direction, progress, jitter);
    }

    /**
     * Scale of the N(0,1) jitter added to the background outputs before solving the weights (seeded from the sweep's
     * seed; the audits see the true outputs): {@link #PAPER_JITTER} by default, 0 for none. See
     * {@link FoolShapWeights#jitter}.
     */
    public LambdaSweep withJitter(double scale) {
        FoolShapWeights.jitter(new double[0], scale, 0);
        return new LambdaSweep(lambdas, repeats, m, threshold, seed, cap, direction, progress, scale);
    }

    public double jitter() {
        return jitter;
    }

    public int m() {
        return m;
    }

    public int repeats() {
        return repeats;
    }

    public double threshold() {
        return threshold;
    }

    public double[] lambdas() {
        return lambdas.clone();
    }

    /** At most this many copies of a background row in the weights; 0 = no cap. */
    public int cap() {
        return cap;
    }

    /**
     * Runs the sweep on an audit setting's coefficients against its sensitive feature: target c_j = C[j][s], with
     * the background outputs and f(S_0') the matrix carries. The result names features and knows its scale.
     *
     * @param auditor holds f(D_0), f(D_1) (e.g. {@code Auditor.of(model, setting)}); its significance is used
     */
    public SweepResult run(CoefficientMatrix coefficients, Auditor auditor) {
        int s = coefficients.setting().sensitiveIndex();
        return run(coefficients.values(), coefficients.column(s), coefficients.backgroundOutputs(),
                coefficients.s0Outputs(), auditor, coefficients.names(), coefficients.names().get(s),
                coefficients.scale());
    }

    /**
     * Runs the sweep for one sensitive feature: target c_j = C[j][s].
     *
     * @param coefficients      C[j][i] = Phi_i(f, S_0', z_j) for every background row j
     * @param backgroundOutputs f(z_j) for the same rows
     * @param s0Outputs         f on the fixed S_0' (audited with every draw)
     * @param auditor           holds f(D_0), f(D_1); its significance is the one the sweep uses
     */
    public SweepResult run(double[][] coefficients, int sensitive, double[] backgroundOutputs, double[] s0Outputs,
                           Auditor auditor) {
        Checks.matrix("coefficient matrix", coefficients);
        List<String> names = defaultNames(coefficients[0].length);
        Checks.feature("sensitive feature", sensitive, names.size());
        return run(coefficients, Coefficients.column(coefficients, sensitive), backgroundOutputs, s0Outputs, auditor,
                names, names.get(sensitive), OutputScale.PROBABILITY);
    }

    /** Runs the sweep with a given target column (e.g. {@link Coefficients#combined} for several features). */
    public SweepResult run(double[][] coefficients, double[] target, double[] backgroundOutputs, double[] s0Outputs,
                           Auditor auditor) {
        Checks.matrix("coefficient matrix", coefficients);
        return run(coefficients, target, backgroundOutputs, s0Outputs, auditor, defaultNames(coefficients[0].length),
                "target", OutputScale.PROBABILITY);
    }

    /**
     * The multi-attribute attack (paper, Appendix; official code): the weights minimise the combined coefficient
     * c_j = mean_k beta_k C[j][s_k] ({@link Coefficients#combined}), and lambda* is the stealthy lambda with the
     * smallest sum_k |mean Phi_{s_k}| (the official rule). Choosing by |mean_k beta_k Phi_k| instead would accept a
     * lambda where one attribution overshoots past zero and cancels another that stays large.
     */
    public SweepResult run(double[][] coefficients, int[] sensitive, double[] backgroundOutputs, double[] s0Outputs,
                           Auditor auditor) {
        Checks.matrix("coefficient matrix", coefficients);
        List<String> names = defaultNames(coefficients[0].length);
        double[] target = Coefficients.combined(coefficients, sensitive);
        int[] s = sensitive.clone();
        java.util.function.ToDoubleFunction<LambdaPoint> sumAbs = p -> {
            double[] phi = p.meanPhi();
            double total = 0;
            for (int k : s) {
                total += Math.abs(phi[k]);
            }
            return total;
        };
        String targetName = java.util.Arrays.stream(s).mapToObj(names::get)
                .collect(java.util.stream.Collectors.joining("+"));
        return run(coefficients, target, backgroundOutputs, s0Outputs, auditor, names, targetName,
                OutputScale.PROBABILITY, sumAbs);
    }

    /** The sweep with its features named and its scale known (the attack's own call, from its setting). */
    SweepResult run(double[][] coefficients, double[] target, double[] backgroundOutputs, double[] s0Outputs,
                    Auditor auditor, List<String> names, String targetName, OutputScale scale) {
        return run(coefficients, target, backgroundOutputs, s0Outputs, auditor, names, targetName, scale,
                p -> score(p.meanTarget()));
    }

    private SweepResult run(double[][] coefficients, double[] target, double[] backgroundOutputs, double[] s0Outputs,
                            Auditor auditor, List<String> names, String targetName, OutputScale scale,
                            java.util.function.ToDoubleFunction<LambdaPoint> score) {
        long start = System.nanoTime();
        Checks.matrix("coefficient matrix", coefficients);
        Checks.finite("target coefficients", target);
        Checks.finite("background outputs", backgroundOutputs);
        Checks.finite("S_0' outputs", s0Outputs);
        if (coefficients.length != backgroundOutputs.length || target.length != backgroundOutputs.length) {
            throw new IllegalArgumentException(coefficients.length + " coefficient rows, " + target.length
                    + " target coefficients but " + backgroundOutputs.length + " background outputs");
        }
        StealthySampler.withDefaults().withM(m).fits("background", backgroundOutputs.length);
        double beta = direction == 0 ? FoolShapWeights.direction(target) : direction;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] rngs = new SplittableRandom[lambdas.length];
        for (int k = 0; k < lambdas.length; k++) {
            rngs[k] = root.split();
        }
        double[] jittered = FoolShapWeights.jitter(backgroundOutputs, jitter, root.nextLong());
        AtomicLong done = new AtomicLong();
        long total = (long) lambdas.length * repeats;
        LambdaPoint[] points = new LambdaPoint[lambdas.length];
        IntStream.range(0, lambdas.length).parallel().forEach(k -> {
            points[k] = point(lambdas[k], beta, coefficients, target, backgroundOutputs, jittered, s0Outputs, auditor,
                    rngs[k]);
            progress.update("lambda sweep", done.addAndGet(repeats), total);
        });
        double[] honestPhi = Coefficients.phi(coefficients, uniform(coefficients.length));
        double honestTarget = Metrics.mean(target);
        int best = choose(points, score);
        return new SweepResult(List.of(points), best < 0 ? OptionalInt.empty() : OptionalInt.of(best), honestPhi,
                honestTarget, threshold, direction, (System.nanoTime() - start) / 1e9, names, targetName, scale,
                auditor.significance());
    }

    private static List<String> defaultNames(int d) {
        return IntStream.range(0, d).mapToObj(i -> "x" + i).toList();
    }

    private LambdaPoint point(double lambda, double beta, double[][] coefficients, double[] target, double[] f,
                              double[] jittered, double[] s0Outputs, Auditor auditor, SplittableRandom rng) {
        Weights w = cap > 0 ? CappedWeights.of(lambda, cap).solve(target, jittered, beta)
                : FoolShapWeights.withLambda(lambda).solve(target, jittered, beta);
        double[] cum = Draws.cumulative(w.weights());
        int d = coefficients[0].length;
        double[] sum = new double[d];
        double[] sumSq = new double[d];
        double targetSum = 0;
        int detections = 0;
        for (int r = 0; r < repeats; r++) {
            int[] rows = Draws.fromCumulative(cum, m, rng);
            double[] phi = Coefficients.phi(coefficients, rows);
            for (int i = 0; i < d; i++) {
                sum[i] += phi[i];
                sumSq[i] += phi[i] * phi[i];
            }
            double t = 0;
            for (int j : rows) {
                t += target[j];
            }
            targetSum += t / m;
            detections += auditor.detects(s0Outputs, Draws.pick(f, rows), rng) ? 1 : 0;
        }
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int i = 0; i < d; i++) {
            mean[i] = sum[i] / repeats;
            sd[i] = repeats > 1 ? Math.sqrt(Math.max(0, (sumSq[i] - repeats * mean[i] * mean[i]) / (repeats - 1))) : 0;
        }
        return new LambdaPoint(lambda, w, mean, sd, targetSum / repeats, detections, repeats);
    }

    private int choose(LambdaPoint[] points, java.util.function.ToDoubleFunction<LambdaPoint> score) {
        int best = -1;
        for (int k = 0; k < points.length; k++) {
            if (points[k].detectionRate() >= threshold) {
                continue;
            }
            if (best < 0 || score.applyAsDouble(points[k]) < score.applyAsDouble(points[best])) {
                best = k;
            }
        }
        return best;
    }

    /** Smaller is better: |target| for the paper's rule, or the target in the forced direction. */
    private double score(double target) {
        return direction == 0 ? Math.abs(target) : direction * target;
    }

    private static double[] uniform(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }
}
