package org.foolshap.bench;

import java.util.ArrayList;
import java.util.List;
import org.foolshap.model.ModelKind;
import org.foolshap.model.Trainer;
import org.foolshap.model.TreeEnsemble;
import org.foolshap.shap.Explainers;

/**
 * Nanoseconds per (foreground, background, tree) triple for the coefficient matrix of a 100-tree, depth-10
 * random forest on Adult-like data (11 features, 7 categorical). Run from lib/ with
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=org.foolshap.bench.CoefficientsBenchmark
 * -Dexec.classpathScope=test [-Dexec.args="200 32650 3"]}. Arguments: foreground size, background size, repetitions.
 */
public final class CoefficientsBenchmark {
    private CoefficientsBenchmark() {
    }

    public static void main(String[] args) {
        int nf = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int nb = args.length > 1 ? Integer.parseInt(args[1]) : 32_650;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int[] y = new int[48_842];
        double[][] all = AdultLike.rows(y.length, 7, y);
        long t0 = System.nanoTime();
        TreeEnsemble forest = (TreeEnsemble) Trainer.of(ModelKind.RF).withTrees(100).withMaxDepth(10).withSeed(0)
                .fit(AdultLike.FEATURES, all, y);
        System.out.printf("trained RF: 100 trees, depth <= 10, %.1f s; mean leaves per tree %.0f%n",
                (System.nanoTime() - t0) / 1e9, forest.trees().stream().mapToInt(t -> (t.size() + 1) / 2).average()
                        .orElse(0));
        List<double[]> women = new ArrayList<>();
        List<double[]> men = new ArrayList<>();
        for (double[] row : all) {
            (row[AdultLike.GENDER] == 0 ? women : men).add(row);
        }
        double[][] fg = women.subList(0, nf).toArray(new double[0][]);
        double[][] bg = men.subList(0, Math.min(nb, men.size())).toArray(new double[0][]);
        var explainer = Explainers.tree(forest);
        System.out.printf("foreground %d, background %d, trees %d, threads %d%n", fg.length, bg.length,
                forest.trees().size(), Runtime.getRuntime().availableProcessors());
        for (int r = 0; r < reps; r++) {
            long start = System.nanoTime();
            explainer.coefficients(fg, bg);
            double seconds = (System.nanoTime() - start) / 1e9;
            double triples = (double) fg.length * bg.length * forest.trees().size();
            System.out.printf("run %d: %.2f s, %.1f ns per (x, z, tree) triple%n", r + 1, seconds, seconds * 1e9 / triples);
        }
    }
}
