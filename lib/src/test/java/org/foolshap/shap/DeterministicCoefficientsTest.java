package org.foolshap.shap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.RandomData;
import org.foolshap.model.Trainer;
import org.foolshap.model.TreeEnsemble;
import org.junit.jupiter.api.Test;

/**
 * The coefficient matrix is the same to the last bit whatever the number of threads and however the trees were
 * shared among them: sums run per fixed lane of trees, in tree order, then lane by lane.
 */
class DeterministicCoefficientsTest {
    @Test
    void oneTwoAndFourThreadsGiveTheSameBits() {
        double[][] x = RandomData.rows(3000, 31);
        int[] y = RandomData.labels(x, 32);
        Model forest = Trainer.of(ModelKind.RF).withSeed(1).withTrees(40).fit(RandomData.FEATURES, x, y);
        double[][] fg = java.util.Arrays.copyOf(x, 200);
        double[][] bg = java.util.Arrays.copyOfRange(x, 200, 3000);
        TreeExplainer e = Explainers.tree((TreeEnsemble) forest);
        double[][] one = e.withThreads(1).coefficients(fg, bg);
        for (int threads : new int[] {2, 4, 2}) {
            double[][] c = e.withThreads(threads).coefficients(fg, bg);
            for (int j = 0; j < bg.length; j++) {
                assertArrayEquals(one[j], c[j], 0.0, "row " + j + " with " + threads + " threads");
            }
        }
    }
}
