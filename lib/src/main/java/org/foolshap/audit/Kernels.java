package org.foolshap.audit;

import java.util.Arrays;

/**
 * The pairwise functions of the multivariate tests and the statistic they share. With a symmetric function G on
 * pairs of rows, the V-statistic
 * <pre>
 *   T(X, Y) = mean G(x, x') + mean G(y, y') - 2 mean G(x, y)       (all pairs, diagonal included)
 * </pre>
 * is the squared maximum mean discrepancy (Gretton et al., JMLR 2012, biased estimate) for a Gaussian kernel, and the
 * energy distance (Szekely and Rizzo 2013) for G = -||x - y||. Cost O(rows^2 x width) for the pooled Gram matrix.
 */
final class Kernels {
    private Kernels() {
    }

    /** A symmetric function of two rows. */
    interface Pairwise {
        double of(double[] a, double[] b);
    }

    static Pairwise gaussian(double bandwidth) {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("the bandwidth must be positive and finite, got " + bandwidth);
        }
        double scale = -1 / (2 * bandwidth * bandwidth);
        return (a, b) -> Math.exp(scale * squaredDistance(a, b));
    }

    static Pairwise negativeDistance() {
        return (a, b) -> -Math.sqrt(squaredDistance(a, b));
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            s += d * d;
        }
        return s;
    }

    /**
     * The median heuristic: the median Euclidean distance between distinct pairs of rows, over at most 1,000 rows
     * (evenly spaced when there are more), ignoring zero distances; 1 when every distance is zero.
     */
    static double medianDistance(double[][] rows) {
        int n = Math.min(rows.length, 1000);
        double[][] use = new double[n][];
        for (int i = 0; i < n; i++) {
            use[i] = rows[(int) ((long) i * rows.length / n)];
        }
        double[] d = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = Math.sqrt(squaredDistance(use[i], use[j]));
                if (v > 0) {
                    d[k++] = v;
                }
            }
        }
        if (k == 0) {
            return 1;
        }
        d = Arrays.copyOf(d, k);
        Arrays.sort(d);
        return k % 2 == 1 ? d[k / 2] : (d[k / 2 - 1] + d[k / 2]) / 2;
    }

    /** x then y stacked (shared rows, not copied). */
    static double[][] pool(double[][] x, double[][] y) {
        double[][] p = new double[x.length + y.length][];
        System.arraycopy(x, 0, p, 0, x.length);
        System.arraycopy(y, 0, p, x.length, y.length);
        return p;
    }

    /** T for every split of the pooled rows, from their Gram matrix: O(m^2) per split after O(n^2) once. */
    static Permutations.SplitStatistic split(double[][] pooled, Pairwise g) {
        int n = pooled.length;
        double[][] gram = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = g.of(pooled[i], pooled[j]);
                gram[i][j] = v;
                gram[j][i] = v;
            }
        }
        double[] rowSum = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += gram[i][j];
            }
            rowSum[i] = s;
            total += s;
        }
        double all = total;
        return chosen -> {
            int m = chosen.length;
            int k = n - m;
            double sxx = 0;
            double rx = 0;
            for (int a : chosen) {
                double[] row = gram[a];
                for (int b : chosen) {
                    sxx += row[b];
                }
                rx += rowSum[a];
            }
            double sxy = rx - sxx;
            double syy = all - sxx - 2 * sxy;
            return sxx / ((double) m * m) + syy / ((double) k * k) - 2 * sxy / ((double) m * k);
        };
    }

    /** Rows non-empty, rectangular, finite; both samples of one width. */
    static void checkSamples(double[][] x, double[][] y) {
        checkRows("first sample", x);
        checkRows("second sample", y);
        if (x[0].length != y[0].length) {
            throw new IllegalArgumentException("the first sample has " + x[0].length + " columns, the second "
                    + y[0].length);
        }
    }

    static void checkRows(String what, double[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("the " + what + " has no rows");
        }
        int d = rows[0].length;
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != d) {
                throw new IllegalArgumentException("row " + r + " of the " + what + " has " + rows[r].length
                        + " values, row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(rows[r][j])) {
                    throw new IllegalArgumentException("row " + r + " of the " + what + " has " + rows[r][j]
                            + " in column " + j);
                }
            }
        }
    }
}
