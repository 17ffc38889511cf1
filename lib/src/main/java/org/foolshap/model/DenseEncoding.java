package org.foolshap.model;

import java.io.Serializable;
import org.foolshap.data.Features;

/**
 * Turns a model row (categorical codes) into the dense input a linear model or perceptron needs: numeric
 * features standardised with the training mean and standard deviation, categorical features one-hot.
 */
final class DenseEncoding implements Serializable {
    private final Features features;
    private final double[] mean;
    private final double[] scale;
    private final int[] offset;
    private final int width;

    DenseEncoding(Features features, double[][] training) {
        this.features = features;
        int d = features.width();
        mean = new double[d];
        scale = new double[d];
        offset = new int[d];
        int w = 0;
        for (int j = 0; j < d; j++) {
            offset[j] = w;
            if (features.get(j).categorical()) {
                w += features.get(j).levels().size();
                continue;
            }
            double s = 0;
            double s2 = 0;
            for (double[] row : training) {
                s += row[j];
                s2 += row[j] * row[j];
            }
            mean[j] = s / training.length;
            double var = s2 / training.length - mean[j] * mean[j];
            scale[j] = var > 1e-24 ? Math.sqrt(var) : 1;
            w += 1;
        }
        width = w;
    }

    int width() {
        return width;
    }

    double[] encode(double[] row) {
        double[] out = new double[width];
        for (int j = 0; j < features.width(); j++) {
            if (features.get(j).categorical()) {
                int code = (int) row[j];
                if (code < 0 || code >= features.get(j).levels().size() || code != row[j]) {
                    throw new IllegalArgumentException("feature " + features.get(j).name() + " has no level with code "
                            + row[j]);
                }
                out[offset[j] + code] = 1;
            } else {
                out[offset[j]] = (row[j] - mean[j]) / scale[j];
            }
        }
        return out;
    }

    double[][] encode(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = encode(rows[i]);
        }
        return out;
    }
}
