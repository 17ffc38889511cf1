package org.foolshap.shap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.RandomData;
import org.foolshap.model.Trainer;
import org.foolshap.model.TreeEnsemble;
import org.junit.jupiter.api.Test;

/** Global attributions: efficiency over groups, and interval coverage by simulation. */
class GlobalShapTest {
    private final double[][] train = RandomData.rows(2000, 21);
    private final int[] y = RandomData.labels(train, 22);
    private final TreeEnsemble forest = (TreeEnsemble) Trainer.of(ModelKind.RF).withTrees(20).withMaxDepth(6)
            .withSeed(4).fit(RandomData.FEATURES, train, y);

    @Test
    void globalEfficiencyForTreesAndAnyModel() {
        double[][] f = RandomData.rows(60, 31);
        double[][] b = RandomData.rows(80, 32);
        Attributions tree = GlobalShap.of(Explainers.tree(forest)).withNames(RandomData.FEATURES.names())
                .explain(f, b);
        assertEquals(mean(forest.outputs(f)) - mean(forest.outputs(b)), tree.total(), 1e-10);
        assertEquals(tree.gap(), tree.total(), 1e-10);
        Model smooth = Model.of(5, x -> Math.tanh(x[0] * x[2]) + x[1] * x[4] / 10);
        Attributions exact = GlobalShap.of(Explainers.exact(smooth)).explain(f, b);
        assertEquals(mean(smooth.outputs(f)) - mean(smooth.outputs(b)), exact.total(), 1e-10);
        Attributions viaTree = GlobalShap.of(Explainers.exact(forest)).explain(f, b);
        for (int i = 0; i < 5; i++) {
            assertEquals(viaTree.values()[i], tree.values()[i], 1e-9);
            assertEquals(viaTree.halfWidths()[i], tree.halfWidths()[i], 1e-9);
        }
    }

    /**
     * Draws many foreground and background samples of size M from two fixed populations and counts how often the
     * 95% interval covers the population value (computed exactly on the full populations). The paper's published
     * half-width, half of ours, must visibly under-cover.
     */
    @Test
    void confidenceIntervalsCoverAtTheNominalRate() {
        double[][] popF = RandomData.rows(3000, 41);
        double[][] popB = RandomData.rows(3000, 42);
        for (double[] row : popB) {
            row[0] += 1.0; // the groups differ, as protected and unprotected groups do
            row[3] = (row[3] + 1) % 4;
        }
        TreeExplainer explainer = Explainers.tree(forest);
        double[][] truthColumns = explainer.coefficients(popF, popB);
        int d = 5;
        double[] truth = new double[d];
        for (double[] c : truthColumns) {
            for (int i = 0; i < d; i++) {
                truth[i] += c[i] / truthColumns.length;
            }
        }
        int m = 200;
        int reps = 400;
        SplittableRandom random = new SplittableRandom(7);
        int covered = 0;
        int coveredByPaper = 0;
        int total = 0;
        for (int r = 0; r < reps; r++) {
            Attributions a = GlobalShap.of(explainer).explain(sample(popF, m, random), sample(popB, m, random));
            for (int i = 0; i < d; i++) {
                if (a.halfWidths()[i] == 0) {
                    continue;
                }
                double error = Math.abs(a.values()[i] - truth[i]);
                covered += error <= a.halfWidths()[i] ? 1 : 0;
                coveredByPaper += error <= a.halfWidths()[i] / 2 ? 1 : 0;
                total++;
            }
        }
        double coverage = covered / (double) total;
        double paper = coveredByPaper / (double) total;
        assertTrue(Math.abs(coverage - 0.95) <= 0.03, "coverage " + coverage + " over " + total + " intervals");
        assertTrue(paper < 0.75, "the paper's half-width should under-cover, got " + paper);
    }

    private static double[][] sample(double[][] population, int m, SplittableRandom random) {
        double[][] s = new double[m][];
        for (int i = 0; i < m; i++) {
            s[i] = population[random.nextInt(population.length)];
        }
        return s;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
