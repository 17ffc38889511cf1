package org.foolshap.model;

import java.util.Objects;

/**
 * The probability {@code 1 / (1 + exp(-m(x)))} of a model {@code m} whose output is a log-odds (margin), e.g. a
 * boosted classifier asked with {@code --output probability}. Not a tree ensemble: explainers treat it as a black
 * box (exact enumeration), since the sigmoid does not distribute over the trees; the enumeration still gets the
 * margin model's fast {@link #hybridOutputs} and applies the sigmoid to each of the 2^k margins.
 */
public record LogisticOutput(Model margin) implements Model {
    public LogisticOutput {
        Objects.requireNonNull(margin, "margin");
        if (margin.scale() != OutputScale.LOG_ODDS) {
            throw new IllegalArgumentException("the probability is the sigmoid of a log-odds output, but this model "
                    + "outputs " + margin.scale().label());
        }
    }

    @Override
    public int width() {
        return margin.width();
    }

    @Override
    public double output(double[] row) {
        return sigmoid(margin.output(row));
    }

    @Override
    public double[] outputs(double[][] rows) {
        double[] m = margin.outputs(rows);
        for (int i = 0; i < m.length; i++) {
            m[i] = sigmoid(m[i]);
        }
        return m;
    }

    /** The margin model's hybrid outputs (e.g. a tree ensemble's fast route), then the sigmoid of each. */
    @Override
    public void hybridOutputs(double[] x, double[] z, int[] players, double[] out) {
        margin.hybridOutputs(x, z, players, out);
        for (int i = 0, n = 1 << players.length; i < n; i++) {
            out[i] = sigmoid(out[i]);
        }
    }

    @Override
    public OutputScale scale() {
        return OutputScale.PROBABILITY;
    }

    private static double sigmoid(double margin) {
        return 1 / (1 + Math.exp(-margin));
    }
}
