package org.foolshap.model;

import java.util.Objects;

/**
 * The probability {@code 1 / (1 + exp(-m(x)))} of a model {@code m} whose output is a log-odds (margin), e.g. a
 * boosted classifier asked with {@code --output probability}. Not a tree ensemble: explainers treat it as a black
 * box (exact enumeration), since the sigmoid does not distribute over the trees.
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
        return 1 / (1 + Math.exp(-margin.output(row)));
    }

    @Override
    public double[] outputs(double[][] rows) {
        double[] m = margin.outputs(rows);
        for (int i = 0; i < m.length; i++) {
            m[i] = 1 / (1 + Math.exp(-m[i]));
        }
        return m;
    }

    @Override
    public OutputScale scale() {
        return OutputScale.PROBABILITY;
    }
}
