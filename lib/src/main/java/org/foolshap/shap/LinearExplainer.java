package org.foolshap.shap;

import org.foolshap.Progress;
import org.foolshap.model.LinearModel;
import org.foolshap.model.Model;

/**
 * Closed form for linear models: phi_i(f, x, z) = w_i (x_i - z_i), so the coefficients are
 * C[j][i] = w_i (mean_x x_i - z_ji), computed in O((|F| + |B|) d).
 */
public final class LinearExplainer implements Explainer {
    private final LinearModel model;

    LinearExplainer(LinearModel model) {
        this.model = model;
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public double[] phi(double[] x, double[] z) {
        int d = Rows.pairComplete(x, z, model.width());
        double[] w = model.weights();
        double[] phi = new double[d];
        for (int i = 0; i < d; i++) {
            phi[i] = w[i] * (x[i] - z[i]);
        }
        return phi;
    }

    @Override
    public double[][] coefficients(double[][] foreground, double[][] background, Progress progress) {
        int d = Rows.groupsComplete(foreground, background, model.width());
        double[] w = model.weights();
        double[] mean = new double[d];
        for (double[] x : foreground) {
            for (int i = 0; i < d; i++) {
                mean[i] += x[i] / foreground.length;
            }
        }
        double[][] c = new double[background.length][d];
        for (int j = 0; j < background.length; j++) {
            for (int i = 0; i < d; i++) {
                c[j][i] = w[i] * (mean[i] - background[j][i]);
            }
        }
        progress.update("coefficients", background.length, background.length);
        return c;
    }
}
