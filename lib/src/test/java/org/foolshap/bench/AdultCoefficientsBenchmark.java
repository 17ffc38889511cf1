package org.foolshap.bench;

import java.nio.file.Path;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.data.Split;
import org.foolshap.model.ModelKind;
import org.foolshap.model.Trainer;
import org.foolshap.model.TreeEnsemble;
import org.foolshap.shap.Explainers;

/**
 * The target on real data: coefficients of the workbench's default Adult random forest (100 trees,
 * depth 10, split seed 0) for 200 women against all 32,650 men. Run from lib/ with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.foolshap.bench.AdultCoefficientsBenchmark -Dexec.args="../../shared/datasets 3"}.
 */
public final class AdultCoefficientsBenchmark {
    private AdultCoefficientsBenchmark() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../../shared/datasets");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
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
        int[] women = adult.foregroundRows();
        int[] men = adult.backgroundRows();
        double[][] fg = new double[200][];
        for (int i = 0; i < fg.length; i++) {
            fg[i] = x[women[i]];
        }
        double[][] bg = new double[men.length][];
        for (int i = 0; i < bg.length; i++) {
            bg[i] = x[men[i]];
        }
        System.out.printf("Adult RF: %d trees, mean %.0f leaves per tree, max depth %d; foreground %d, background %d%n",
                forest.trees().size(), forest.trees().stream().mapToInt(t -> (t.size() + 1) / 2).average().orElse(0),
                forest.trees().stream().mapToInt(t -> t.depth()).max().orElse(0), fg.length, bg.length);
        var explainer = Explainers.tree(forest);
        for (int r = 0; r < reps; r++) {
            long start = System.nanoTime();
            explainer.coefficients(fg, bg);
            double seconds = (System.nanoTime() - start) / 1e9;
            double triples = (double) fg.length * bg.length * forest.trees().size();
            System.out.printf("run %d: %.2f s, %.1f ns per (x, z, tree) triple%n", r + 1, seconds,
                    seconds * 1e9 / triples);
        }
    }
}
