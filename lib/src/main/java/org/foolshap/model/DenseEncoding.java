package org.foolshap.model;

import org.foolshap.data.Features;

/**
 * Turns a model row (categorical codes) into the dense input a linear model or perceptron needs: numeric
 * features standardised with the training mean and standard deviation, categorical features one-hot.
 * Immutable; {@link #mean()} and {@link #scale()} are what a model file stores.
 */
final class DenseEncoding implements java.io.Serializable {
    private final Features features;
    private final double[] mean;
    private final double[] scale;
    private final int[] offset;
    private final int width;

    /**
     * Fits the standardisation on training rows (already checked finite). A numeric feature whose values are so
     * large that their mean or variance overflows a double (e.g. one 1e308 among ordinary values) cannot be
     * standardised: that is an error naming the feature and the largest value, not a silently dead feature.
     */
    static DenseEncoding fit(Features features, double[][] training) {
        double[][] meanAndScale = standardisation(features, training);
        return new DenseEncoding(features, meanAndScale[0], meanAndScale[1]);
    }

    /** An encoding with a given standardisation (model files); categorical entries of mean and scale are ignored. */
    DenseEncoding(Features features, double[] mean, double[] scale) {
        int d = features.width();
        if (mean.length != d || scale.length != d) {
            throw new IllegalArgumentException("the standardisation has " + mean.length + " means and " + scale.length
                    + " scales for " + d + " features");
        }
        this.features = features;
        this.mean = mean.clone();
        this.scale = scale.clone();
        offset = new int[d];
        int w = 0;
        for (int j = 0; j < d; j++) {
            offset[j] = w;
            if (features.get(j).categorical()) {
                w += features.get(j).levels().size();
            } else {
                if (!Double.isFinite(mean[j]) || !(scale[j] > 0) || !Double.isFinite(scale[j])) {
                    throw new IllegalArgumentException("feature " + features.get(j).name() + " has mean " + mean[j]
                            + " and scale " + scale[j] + "; both must be finite, the scale positive");
                }
                w += 1;
            }
        }
        width = w;
    }

    /** Training mean and standard deviation of each numeric feature (1 for constant and categorical features). */
    private static double[][] standardisation(Features features, double[][] training) {
        int d = features.width();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            scale[j] = 1;
            if (features.get(j).categorical()) {
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
            if (!Double.isFinite(mean[j]) || !Double.isFinite(var)) {
                throw tooLarge(features, training, j);
            }
            scale[j] = var > 1e-24 ? Math.sqrt(var) : 1;
        }
        return new double[][] {mean, scale};
    }

    private static IllegalArgumentException tooLarge(Features features, double[][] training, int j) {
        double largest = 0;
        for (double[] row : training) {
            largest = Math.abs(row[j]) > Math.abs(largest) ? row[j] : largest;
        }
        return new IllegalArgumentException("feature " + features.get(j).name() + " cannot be standardised: its "
                + "variance overflows a double (it holds " + largest + "); rescale the column or use a tree model");
    }

    Features features() {
        return features;
    }

    double[] mean() {
        return mean.clone();
    }

    double[] scale() {
        return scale.clone();
    }

    int width() {
        return width;
    }

    /** First encoded column of feature j. */
    int offset(int j) {
        return offset[j];
    }

    /** One past the last encoded column of feature j. */
    int end(int j) {
        return j + 1 < offset.length ? offset[j + 1] : width;
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
