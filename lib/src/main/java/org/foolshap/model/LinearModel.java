package org.foolshap.model;

/**
 * f(x) = bias + w . x. Its baseline Shapley values have the closed form phi_i = w_i (x_i - z_i), which the
 * explainers use instead of enumerating coalitions.
 */
public record LinearModel(double bias, double[] weights) implements Model {
    public LinearModel {
        weights = weights.clone();
    }

    @Override
    public int width() {
        return weights.length;
    }

    /** A linear score is not a probability. */
    @Override
    public OutputScale scale() {
        return OutputScale.RAW;
    }

    @Override
    public double output(double[] row) {
        double s = bias;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i] * row[i];
        }
        return s;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }
}
