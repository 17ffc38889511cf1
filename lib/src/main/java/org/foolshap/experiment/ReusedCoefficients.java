package org.foolshap.experiment;

import java.util.Arrays;
import org.foolshap.Matrices;
import org.foolshap.Progress;
import org.foolshap.model.Model;
import org.foolshap.shap.Explainer;
import org.foolshap.shap.ForegroundCoefficients;

/**
 * An explainer that remembers its last coefficient matrix over the full background. A run re-attacks when lambda*
 * lands on an edge of its grid (wider grid, same seed, so the same S_0' and the same background); the coefficient
 * matrix, the dominant cost of exact-explainer runs (minutes on Adult), does not depend on lambda, so it is
 * computed once. Hits need the very same background array and a foreground equal in content; anything else (the
 * genetic baseline's 200-row backgrounds) goes to the explainer.
 */
final class ReusedCoefficients implements Explainer {
    private final Explainer explainer;
    private double[][] foreground;
    private double[][] background;
    private double[][] coefficients;

    ReusedCoefficients(Explainer explainer) {
        this.explainer = explainer;
    }

    @Override
    public Model model() {
        return explainer.model();
    }

    @Override
    public double[] phi(double[] x, double[] z) {
        return explainer.phi(x, z);
    }

    @Override
    public synchronized double[][] coefficients(double[][] fg, double[][] bg, Progress progress) {
        if (bg != background || !Arrays.deepEquals(fg, foreground)) {
            double[][] c = explainer.coefficients(fg, bg, progress);
            if (bg.length <= fg.length) {
                return c; // a small background (the genetic baseline's): not worth keeping
            }
            foreground = Matrices.copy(fg);
            background = bg;
            coefficients = c;
        }
        return Matrices.copy(coefficients);
    }

    @Override
    public double[][][] pairs(double[][] fg, double[][] bg, Progress progress) {
        return explainer.pairs(fg, bg, progress);
    }

    /** The explainer's own (the genetic baseline's many small backgrounds are not kept here). */
    @Override
    public ForegroundCoefficients against(double[][] fg) {
        return explainer.against(fg);
    }
}
