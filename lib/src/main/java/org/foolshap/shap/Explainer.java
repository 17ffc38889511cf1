package org.foolshap.shap;

import org.foolshap.data.AuditSetting;
import org.foolshap.data.Sample;
import org.foolshap.Matrices;
import org.foolshap.Progress;
import org.foolshap.model.Model;

/**
 * Baseline (interventional) Shapley values of one model: phi_i(f, x, z) is the Shapley value of feature i in the
 * game v(S) = f(x_S, z_rest) - f(z) (paper, Section 2). Efficiency: sum_i phi_i = f(x) - f(z).
 * Obtain one from {@link Explainers}.
 */
public interface Explainer {
    /** The model being explained. */
    Model model();

    /** phi(f, x, z) for one foreground row x and one reference z, one value per feature. */
    double[] phi(double[] x, double[] z);

    /**
     * The attack's input: C[j][i] = Phi_i(f, S_0, z_j) = mean over x in {@code foreground} of phi_i(f, x, z_j), for
     * every background row z_j, without materialising the per-pair tensor. Parallel over background rows.
     */
    double[][] coefficients(double[][] foreground, double[][] background, Progress progress);

    default double[][] coefficients(double[][] foreground, double[][] background) {
        return coefficients(foreground, background, Progress.ambient());
    }

    /**
     * The coefficients against a fixed {@code foreground} (copied), for many backgrounds in turn: each call equals
     * {@link #coefficients(double[][], double[][], Progress)} on the same rows. The default asks it each time;
     * {@link TreeExplainer} keeps its per-tree aggregates of the foreground and their caches between calls.
     */
    default ForegroundCoefficients against(double[][] foreground) {
        double[][] fg = Matrices.copy(foreground);
        return (background, progress) -> coefficients(fg, background, progress);
    }

    /**
     * The coefficients of an audit setting: C[j][i] = Phi_i(f, S_0', z_j) for every row z_j of the setting's
     * background, with f(z_j), f(S_0') and the names the sweep and the figures need.
     */
    default CoefficientMatrix coefficients(Sample s0, AuditSetting setting) {
        return CoefficientMatrix.compute(this, s0, setting);
    }

    /**
     * The per-pair tensor T[a][b][i] = phi_i(f, foreground[a], background[b]); memory |F| |B| d doubles, so only
     * on request.
     */
    default double[][][] pairs(double[][] foreground, double[][] background, Progress progress) {
        return Pairwise.tensor(this, foreground, background, progress);
    }
}
