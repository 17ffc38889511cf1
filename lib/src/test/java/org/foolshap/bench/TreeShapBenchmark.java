package org.foolshap.bench;

import java.nio.file.Path;
import java.util.Arrays;
import org.foolshap.Progress;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.data.Split;
import org.foolshap.model.ModelKind;
import org.foolshap.model.Trainer;
import org.foolshap.model.TreeEnsemble;
import org.foolshap.shap.Explainers;
import org.foolshap.shap.TreeExplainer;

/**
 * Issue 14's figures on the workbench's default Adult random forest (100 trees, depth <= 10, split seed 0): ns per
 * (foreground, background, tree) triple for the coefficient matrix at 200 x 2,000 and 200 x 32,650 (one thread), the
 * per-pair values at 200 x 500 (one thread; part "pairs" calls phi per pair, part "pairs-tensor" the tensor route
 * {@code pairs} on one and two threads at 200 x 500 and 200 x 8,000, once per PairTensor block size in the fourth
 * argument, default "0,8": 0 = leaf groups only, the route before the block tables), explain's swapped pass
 * (32,650 rows aggregated as the foreground, 200 as the background, one thread), and the wall-time speed-up from 1
 * to 2 threads at 200 x 8,000 and 200 x 32,650; part {@code perleaf} times the coefficient passes without blocks
 * (LeafAggregate's per-leaf pass) for A/B.
 * Prints the minimum and the median of the repetitions (the machine is shared: compare ratios from one run).
 * Run from lib/ with {@code java -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.foolshap.bench.TreeShapBenchmark ../../shared/datasets 5}, cp.txt from {@code mvn dependency:build-classpath
 * -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}.
 */
public final class TreeShapBenchmark {
    /** PairTensor's default leaves per block (its constant is package-private). */
    private static final String PAIR_BLOCK_LEAVES = "8";

    private TreeShapBenchmark() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../../shared/datasets");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        java.util.Set<String> parts = java.util.Set.of((args.length > 2 ? args[2]
                : "coefficients,perleaf,swapped,pairs,threads").split(","));
        Dataset adult = Datasets.load("adult", dir);
        Split split = adult.split(0);
        double[][] x = adult.x();
        int[] y = adult.y();
        double[][] trainX = new double[split.train().length][];
        int[] trainY = new int[split.train().length];
        for (int i = 0; i < trainX.length; i++) {
            trainX[i] = x[split.train()[i]];
            trainY[i] = y[split.train()[i]];
        }
        TreeEnsemble forest = (TreeEnsemble) Trainer.of(ModelKind.RF).withSeed(0).fit(adult.features(), trainX, trainY);
        double[][] women = rows(x, adult.foregroundRows(), 200);
        double[][] men = rows(x, adult.backgroundRows(), Integer.MAX_VALUE);
        int trees = forest.trees().size();
        System.out.printf("Adult RF: %d trees, mean %.0f leaves per tree, max depth %d; %d women, %d men%n", trees,
                forest.trees().stream().mapToInt(t -> (t.size() + 1) / 2).average().orElse(0),
                forest.trees().stream().mapToInt(t -> t.depth()).max().orElse(0), women.length, men.length);
        TreeExplainer one = Explainers.tree(forest).withThreads(1);
        TreeExplainer two = Explainers.tree(forest).withThreads(2);
        double[][] men2000 = Arrays.copyOf(men, 2000);
        double[][] men8000 = Arrays.copyOf(men, 8000);
        double[][] men500 = Arrays.copyOf(men, 500);
        final double[][] pairsBackground = men500;

        if (parts.contains("coefficients") || parts.contains("small") || parts.contains("perleaf")) {
            for (int w = 0; w < 5; w++) {
                one.coefficients(women, men2000); // the JIT compiles the pass before the first timing
            }
        }
        if (parts.contains("coefficients") || parts.contains("small")) {
            report("coefficients 200 x 2,000, 1 thread", reps, 200.0 * 2000 * trees,
                    () -> one.coefficients(women, men2000));
        }
        if (parts.contains("coefficients")) {
            report("coefficients 200 x 32,650, 1 thread", reps, 200.0 * men.length * trees,
                    () -> one.coefficients(women, men));
        }
        if (parts.contains("perleaf")) {
            // the pass before the blocks, for A/B in one run: LeafAggregate reads the property per instance
            System.setProperty("foolshap.treeshap.blockLeaves", "1");
            report("per-leaf pass (before) 200 x 2,000, 1 thread", reps, 200.0 * 2000 * trees,
                    () -> one.coefficients(women, men2000));
            report("per-leaf pass (before) 200 x 32,650, 1 thread", reps, 200.0 * men.length * trees,
                    () -> one.coefficients(women, men));
            report("per-leaf swapped pass (before), 1 thread", reps, 200.0 * men.length * trees,
                    () -> one.coefficients(men, women));
            System.clearProperty("foolshap.treeshap.blockLeaves");
        }
        if (parts.contains("swapped")) {
            report("swapped pass (foreground 32,650, background 200), 1 thread", reps, 200.0 * men.length * trees,
                    () -> one.coefficients(men, women));
        }
        if (parts.contains("pairs")) {
            report("per-pair phi(x, z) 200 x 500, 1 thread", reps, 200.0 * 500 * trees, () -> {
                double sink = 0;
                for (double[] a : women) {
                    for (double[] b : pairsBackground) {
                        sink += one.phi(a, b)[0];
                    }
                }
                return sink;
            });
        }
        if (parts.contains("pairs-tensor")) {
            // A/B in one run: per size, every variant of PairTensor's blocks (leaves per block; 0 = the leaf groups
            // alone, the route before the tables), read from the property per call
            String[] variants = (args.length > 3 ? args[3] : "0," + PAIR_BLOCK_LEAVES).split(",");
            Object[][] sizes = {{"200 x 500, 1 thread", one, pairsBackground},
                {"200 x 500, 2 threads", two, pairsBackground}, {"200 x 8,000, 1 thread", one, men8000},
                {"200 x 8,000, 2 threads", two, men8000}};
            for (Object[] size : sizes) {
                TreeExplainer explainer = (TreeExplainer) size[1];
                double[][] bg = (double[][]) size[2];
                for (String leaves : variants) {
                    System.setProperty("foolshap.treeshap.pairBlockLeaves", leaves);
                    report("pairs() " + size[0] + ", blocks of " + leaves + " leaves", reps,
                            200.0 * bg.length * trees, () -> explainer.pairs(women, bg, Progress.NONE));
                }
                System.clearProperty("foolshap.treeshap.pairBlockLeaves");
            }
        }
        for (double[][] bg : parts.contains("threads") ? new double[][][] {men8000, men} : new double[0][][]) {
            double t1 = report("coefficients 200 x " + bg.length + ", 1 thread", reps, 200.0 * bg.length * trees,
                    () -> one.coefficients(women, bg));
            double t2 = report("coefficients 200 x " + bg.length + ", 2 threads", reps, 200.0 * bg.length * trees,
                    () -> two.coefficients(women, bg));
            System.out.printf("  speed-up 1 -> 2 threads at 200 x %d: %.2fx (minimum times)%n", bg.length, t1 / t2);
        }
    }

    private static double[][] rows(double[][] x, int[] ids, int max) {
        double[][] out = new double[Math.min(max, ids.length)][];
        for (int i = 0; i < out.length; i++) {
            out[i] = x[ids[i]];
        }
        return out;
    }

    /**
     * Times {@code work} reps times after one warm-up call; prints the minimum wall and process CPU times (CPU time
     * is less sensitive to other processes on a shared machine; for one thread it is the work plus JIT and GC) and
     * returns the minimum wall time in seconds.
     */
    private static double report(String what, int reps, double triples, java.util.function.Supplier<Object> work) {
        work.get();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        double[] s = new double[reps];
        double[] cpu = new double[reps];
        for (int r = 0; r < reps; r++) {
            long c0 = os.getProcessCpuTime();
            long start = System.nanoTime();
            work.get();
            s[r] = (System.nanoTime() - start) / 1e9;
            cpu[r] = (os.getProcessCpuTime() - c0) / 1e9;
        }
        Arrays.sort(s);
        Arrays.sort(cpu);
        System.out.printf("%-58s wall min %7.3f s = %7.2f ns/triple; CPU min %7.3f s = %7.2f ns/triple%n", what,
                s[0], s[0] * 1e9 / triples, cpu[0], cpu[0] * 1e9 / triples);
        return s[0];
    }
}
