package org.foolshap.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.foolshap.Progress;
import org.foolshap.model.Model;
import org.foolshap.shap.Explainer;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Test;

class ReusedCoefficientsTest {
    /** Counts the coefficient passes that reach the real explainer. */
    private static final class Counting implements Explainer {
        final Explainer inner = Explainers.exact(Model.of(2, r -> r[0] * r[1] + r[0]));
        final AtomicInteger passes = new AtomicInteger();

        @Override
        public Model model() {
            return inner.model();
        }

        @Override
        public double[] phi(double[] x, double[] z) {
            return inner.phi(x, z);
        }

        @Override
        public double[][] coefficients(double[][] fg, double[][] bg, Progress progress) {
            passes.incrementAndGet();
            return inner.coefficients(fg, bg, progress);
        }
    }

    @Test
    void theFullBackgroundsMatrixIsComputedOnceForAnEqualForeground() {
        Counting counting = new Counting();
        ReusedCoefficients e = new ReusedCoefficients(counting);
        double[][] fg = {{1, 2}, {3, 4}};
        double[][] bg = {{0, 1}, {2, 2}, {5, 1}};
        double[][] first = e.coefficients(fg, bg, Progress.NONE);
        first[0][0] = 99; // the caller's copy
        double[][] again = e.coefficients(new double[][] {{1, 2}, {3, 4}}, bg, Progress.NONE);
        assertEquals(1, counting.passes.get());
        assertArrayEquals(counting.inner.coefficients(fg, bg), again);
        e.coefficients(new double[][] {{1, 2}, {3, 5}}, bg, Progress.NONE); // another foreground
        e.coefficients(fg, bg.clone(), Progress.NONE); // another background array
        assertEquals(3, counting.passes.get());
        double[][] small = {{0, 1}};
        e.coefficients(fg, small, Progress.NONE);
        e.coefficients(fg, small, Progress.NONE); // small backgrounds (the genetic baseline's) are not kept
        assertEquals(5, counting.passes.get());
    }
}
