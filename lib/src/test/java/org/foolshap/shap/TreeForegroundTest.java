package org.foolshap.shap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.foolshap.Matrices;
import org.foolshap.Progress;
import org.foolshap.model.Tree;
import org.foolshap.model.TreeEnsemble;
import org.junit.jupiter.api.Test;

/**
 * Coefficients against a kept foreground ({@link TreeExplainer#against}, {@link TreeForeground}) equal a fresh
 * {@link TreeExplainer#coefficients} call on the same rows to the last bit, call after call, as the genetic
 * baseline uses them: backgrounds that are perturbations of the previous one (so later calls hit the caches the
 * earlier ones filled), with a full cache, after the caller edits its foreground array; and equal enumeration.
 */
class TreeForegroundTest {
    private static final int WIDTH = BlockCoefficientsTest.WIDTH;

    @Test
    void keptForegroundEqualsFreshCallsOverPerturbedBackgrounds() {
        SplittableRandom random = new SplittableRandom(17);
        TreeEnsemble model = forest(random);
        TreeExplainer explainer = Explainers.tree(model).withThreads(2);
        double[][] fg = BlockCoefficientsTest.rows(random, 40);
        double[][] fresh = BlockCoefficientsTest.rows(random, 30);
        ForegroundCoefficients kept = explainer.against(fg);
        ForegroundCoefficients fullCache = new TreeForeground(explainer, Matrices.copy(fg), WIDTH, 3);
        ForegroundCoefficients plain = (bg, progress) -> explainer.coefficients(fg, bg, progress);
        double[][] bg = BlockCoefficientsTest.rows(random, 25);
        assertRowsEqual(Pairwise.columnMeans(Explainers.exact(model), fg, bg, Progress.NONE), kept.of(bg), 1e-9,
                "first call against enumeration");
        for (int round = 0; round < 6; round++) {
            bg = perturbed(random, bg, fresh);
            double[][] want = plain.of(bg, Progress.NONE);
            assertRowsEqual(want, kept.of(bg), 0, "round " + round);
            assertRowsEqual(want, fullCache.of(bg), 0, "round " + round + ", full cache");
        }
        double[][] edited = Matrices.copy(fg);
        ForegroundCoefficients late = explainer.against(edited);
        edited[0][0] = edited[0][0] + 1;
        edited[3] = fresh[0];
        assertRowsEqual(plain.of(bg, Progress.NONE), late.of(bg), 0, "the caller edited its foreground array");
    }

    /** The interface's default (every explainer but TreeSHAP) asks coefficients on its own copy of the foreground. */
    @Test
    void defaultAgainstAsksCoefficientsOnACopy() {
        SplittableRandom random = new SplittableRandom(4);
        TreeEnsemble model = forest(random);
        Explainer exact = Explainers.exact(model);
        double[][] fg = BlockCoefficientsTest.rows(random, 6);
        double[][] bg = BlockCoefficientsTest.rows(random, 5);
        double[][] want = exact.coefficients(fg, bg, Progress.NONE);
        ForegroundCoefficients against = exact.against(fg);
        fg[0] = bg[0];
        assertRowsEqual(want, against.of(bg), 0, "default against");
    }

    private static TreeEnsemble forest(SplittableRandom random) {
        List<Tree> trees = new ArrayList<>();
        double[] weights = new double[5];
        for (int t = 0; t < weights.length; t++) {
            trees.add(BlockCoefficientsTest.randomTree(random, 4 + 2 * t, t % 3));
            weights[t] = 0.5 + random.nextDouble();
        }
        return new TreeEnsemble(WIDTH, trees, weights, 0.1);
    }

    /** Half the rows kept, a quarter nudged in one feature, a quarter replaced by rows from {@code pool}. */
    private static double[][] perturbed(SplittableRandom random, double[][] bg, double[][] pool) {
        double[][] next = Matrices.copy(bg);
        for (double[] row : next) {
            int u = random.nextInt(4);
            if (u == 0) {
                int f = random.nextInt(6);
                row[f] = Double.isNaN(row[f]) ? 0.5 : row[f] + 0.5;
            } else if (u == 1) {
                System.arraycopy(pool[random.nextInt(pool.length)], 0, row, 0, WIDTH);
            }
        }
        return next;
    }

    private static void assertRowsEqual(double[][] want, double[][] got, double tolerance, String what) {
        for (int j = 0; j < want.length; j++) {
            assertArrayEquals(want[j], got[j], tolerance, what + ", background row " + j);
        }
    }
}
