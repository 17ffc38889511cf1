package org.foolshap.audit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Model rows as points in a space where distances mean something, for the multivariate tests ({@link MmdTest},
 * {@link EnergyTest}, {@link ClassifierTest}): numeric features standardised by the population's mean and standard
 * deviation (a constant column is only centred), categorical features one-hot encoded over the population's levels
 * plus one coordinate for any level the population never takes, each coordinate 1/sqrt(2) so that two different
 * levels are at distance 1, as two values one standard deviation apart are. Fitted on the population (the group the
 * auditor holds), so the same map applies to supplied rows and to honest draws. Immutable; O(rows x width).
 */
public final class Embedding {
    private static final double ONE_HOT = Math.sqrt(0.5);

    private final boolean[] categorical;
    private final double[] mean;
    private final double[] scale;
    private final int[] offset;
    private final Map<Double, Integer>[] levels;
    private final int width;

    private Embedding(boolean[] categorical, double[] mean, double[] scale, int[] offset, Map<Double, Integer>[] levels,
                      int width) {
        this.categorical = categorical;
        this.mean = mean;
        this.scale = scale;
        this.offset = offset;
        this.levels = levels;
        this.width = width;
    }

    /**
     * Fits the map on the population's rows.
     *
     * @param categorical which columns are categorical (level codes); null when all are numeric
     */
    @SuppressWarnings("unchecked")
    public static Embedding fit(double[][] population, boolean[] categorical) {
        Kernels.checkRows("population", population);
        int d = population[0].length;
        boolean[] mask = categorical == null ? new boolean[d] : categorical.clone();
        if (mask.length != d) {
            throw new IllegalArgumentException("the categorical mask has " + mask.length + " entries for " + d
                    + " columns");
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        int[] offset = new int[d];
        Map<Double, Integer>[] levels = new Map[d];
        int w = 0;
        for (int j = 0; j < d; j++) {
            offset[j] = w;
            if (mask[j]) {
                TreeSet<Double> seen = new TreeSet<>();
                for (double[] row : population) {
                    seen.add(row[j] == 0 ? 0.0 : row[j]);
                }
                Map<Double, Integer> index = new HashMap<>();
                for (double v : seen) {
                    index.put(v, index.size());
                }
                levels[j] = index;
                w += index.size() + 1; // + "a level the population never takes"
            } else {
                double s = 0;
                for (double[] row : population) {
                    s += row[j];
                }
                double mu = s / population.length;
                double ss = 0;
                for (double[] row : population) {
                    ss += (row[j] - mu) * (row[j] - mu);
                }
                double sd = Math.sqrt(ss / population.length);
                mean[j] = mu;
                scale[j] = sd > 0 ? 1 / sd : 1;
                w += 1;
            }
        }
        return new Embedding(mask, mean, scale, offset, levels, w);
    }

    /** Number of coordinates of an embedded row. */
    public int width() {
        return width;
    }

    /** Number of columns of a model row. */
    public int columns() {
        return categorical.length;
    }

    /** One embedded row. */
    public double[] embed(double[] row) {
        if (row.length != categorical.length) {
            throw new IllegalArgumentException("a row has " + row.length + " values, the embedding was fitted on "
                    + categorical.length);
        }
        double[] out = new double[width];
        for (int j = 0; j < row.length; j++) {
            if (categorical[j]) {
                Integer k = levels[j].get(row[j] == 0 ? 0.0 : row[j]);
                out[offset[j] + (k == null ? levels[j].size() : k)] = ONE_HOT;
            } else {
                out[offset[j]] = (row[j] - mean[j]) * scale[j];
            }
        }
        return out;
    }

    /** Embedded rows (new arrays). */
    public double[][] embed(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = embed(rows[i]);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Embedding(" + categorical.length + " columns -> " + width + " coordinates, categorical "
                + Arrays.toString(categorical) + ")";
    }
}
