package org.foolshap.shap;

import org.foolshap.Progress;

/**
 * The coefficients against one fixed foreground S_0: C[j][i] = Phi_i(f, S_0, z_j) for each background asked, as
 * {@link Explainer#coefficients(double[][], double[][], Progress)} gives them. From {@link Explainer#against}, for
 * callers that ask for many backgrounds against the same S_0 (the genetic baseline: up to 1,500 backgrounds of 200
 * rows), so an explainer can keep what depends on S_0 alone between calls. One caller at a time.
 */
@FunctionalInterface
public interface ForegroundCoefficients {
    double[][] of(double[][] background, Progress progress);

    default double[][] of(double[][] background) {
        return of(background, Progress.ambient());
    }
}
