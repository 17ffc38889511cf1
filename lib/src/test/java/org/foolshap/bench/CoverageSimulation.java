package org.foolshap.bench;

import java.util.SplittableRandom;
import org.foolshap.model.ModelKind;
import org.foolshap.model.Trainer;
import org.foolshap.model.TreeEnsemble;
import org.foolshap.shap.Attributions;
import org.foolshap.shap.Explainers;
import org.foolshap.shap.GlobalShap;
import org.foolshap.shap.TreeExplainer;

/**
 * Coverage of the 95% intervals of global SHAP, ours against the paper's published half-width, on an Adult-like
 * forest: women and men populations of the synthetic data, M rows drawn from each, many times. Run from lib/ with
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=org.foolshap.bench.CoverageSimulation
 * -Dexec.classpathScope=test [-Dexec.args="200 1000"]} (M, repetitions).
 */
public final class CoverageSimulation {
    private CoverageSimulation() {
    }

    public static void main(String[] args) {
        int m = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int[] y = new int[20_000];
        double[][] all = AdultLike.rows(y.length, 3, y);
        TreeEnsemble forest = (TreeEnsemble) Trainer.of(ModelKind.RF).withTrees(50).withMaxDepth(8).withSeed(1)
                .fit(AdultLike.FEATURES, all, y);
        double[][] women = java.util.Arrays.stream(all).filter(r -> r[AdultLike.GENDER] == 0).toArray(double[][]::new);
        double[][] men = java.util.Arrays.stream(all).filter(r -> r[AdultLike.GENDER] == 1).toArray(double[][]::new);
        TreeExplainer explainer = Explainers.tree(forest);
        Attributions truth = GlobalShap.of(explainer).explain(women, men);
        SplittableRandom random = new SplittableRandom(11);
        int d = truth.size();
        int covered = 0;
        int paper = 0;
        int total = 0;
        for (int r = 0; r < reps; r++) {
            Attributions a = GlobalShap.of(explainer).explain(sample(women, m, random), sample(men, m, random));
            for (int i = 0; i < d; i++) {
                double error = Math.abs(a.values()[i] - truth.values()[i]);
                covered += error <= a.halfWidths()[i] ? 1 : 0;
                paper += error <= a.halfWidths()[i] / 2 ? 1 : 0;
                total++;
            }
        }
        System.out.printf("M = %d, %d repetitions x %d features: coverage of nominal 95%% intervals: ours %.3f, "
                + "paper's half-width %.3f%n", m, reps, d, covered / (double) total, paper / (double) total);
    }

    private static double[][] sample(double[][] population, int m, SplittableRandom random) {
        double[][] s = new double[m][];
        for (int i = 0; i < m; i++) {
            s[i] = population[random.nextInt(population.length)];
        }
        return s;
    }
}
