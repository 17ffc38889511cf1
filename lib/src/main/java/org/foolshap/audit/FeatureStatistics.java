package org.foolshap.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One statistic per feature of a group's rows, comparing a sample's column with the whole group's column (not with
 * a subsample of it): for a numeric feature the Kolmogorov-Smirnov distance sup_t |F_S(t) - F_D(t)| to the group's
 * empirical distribution; for a categorical feature Pearson's X^2 = sum_levels (o - M p)^2 / (M p) over every level
 * of the group, unpooled however rare (the Monte Carlo null makes sparse cells harmless), and +infinity for a level
 * the group never takes.
 */
final class FeatureStatistics implements GroupStatistics {
    private final List<String> names;
    private final boolean[] categorical;
    private final double[][] columns;
    private final EmpiricalDistribution[] numeric;
    private final double[][] levels;      // categorical: the group's levels, ascending
    private final int[][] levelOf;        // categorical: each group row's level index
    private final double[][] proportions; // categorical: each level's share of the group

    FeatureStatistics(double[][] group, boolean[] categorical, List<String> names) {
        int d = group[0].length;
        this.categorical = categorical == null ? new boolean[d] : categorical.clone();
        List<String> n = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            n.add("feature " + (names == null ? "x" + j : names.get(j)));
        }
        this.names = List.copyOf(n);
        columns = new double[d][group.length];
        for (int i = 0; i < group.length; i++) {
            for (int j = 0; j < d; j++) {
                columns[j][i] = group[i][j] == 0 ? 0.0 : group[i][j];
            }
        }
        numeric = new EmpiricalDistribution[d];
        levels = new double[d][];
        levelOf = new int[d][];
        proportions = new double[d][];
        for (int j = 0; j < d; j++) {
            if (this.categorical[j]) {
                EmpiricalDistribution e = EmpiricalDistribution.of(columns[j]);
                levels[j] = e.supportArray();
                proportions[j] = e.massArray();
                levelOf[j] = new int[group.length];
                for (int i = 0; i < group.length; i++) {
                    levelOf[j][i] = EmpiricalDistribution.upperIndex(levels[j], columns[j][i]);
                }
            } else {
                numeric[j] = EmpiricalDistribution.of(columns[j]);
            }
        }
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public double[] of(double[][] rows, double[] outputs) {
        int d = columns.length;
        double[] out = new double[d];
        double[] values = new double[rows.length];
        int[] index = new int[rows.length];
        for (int j = 0; j < d; j++) {
            boolean unknown = false;
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].length != d) {
                    throw new IllegalArgumentException("supplied row " + i + " has " + rows[i].length
                            + " values, the group's rows " + d);
                }
                values[i] = rows[i][j] == 0 ? 0.0 : rows[i][j];
                if (categorical[j]) {
                    int k = EmpiricalDistribution.upperIndex(levels[j], values[i]);
                    unknown |= k < 0 || levels[j][k] != values[i];
                    index[i] = k;
                }
            }
            out[j] = !categorical[j] ? ks(j, values) : unknown ? Double.POSITIVE_INFINITY : chiSquare(j, index);
        }
        return out;
    }

    @Override
    public double[] ofDraw(int[] positions) {
        int d = columns.length;
        double[] out = new double[d];
        double[] values = new double[positions.length];
        int[] index = new int[positions.length];
        for (int j = 0; j < d; j++) {
            if (categorical[j]) {
                int[] l = levelOf[j];
                for (int i = 0; i < positions.length; i++) {
                    index[i] = l[positions[i]];
                }
                out[j] = chiSquare(j, index);
            } else {
                double[] c = columns[j];
                for (int i = 0; i < positions.length; i++) {
                    values[i] = c[positions[i]];
                }
                out[j] = ks(j, values);
            }
        }
        return out;
    }

    /** KS distance of these values (sorted in place) to the group's column j. */
    private double ks(int j, double[] values) {
        Arrays.sort(values);
        return EdfTest.oneSample(EdfTest.Kind.KOLMOGOROV_SMIRNOV, values, numeric[j]);
    }

    /** Pearson's X^2 of the level counts of these level indices against the group's proportions. */
    private double chiSquare(int j, int[] index) {
        double[] p = proportions[j];
        long[] observed = new long[p.length];
        for (int k : index) {
            observed[k]++;
        }
        double m = index.length;
        double x2 = 0;
        for (int k = 0; k < p.length; k++) {
            double e = m * p[k];
            double diff = observed[k] - e;
            x2 += diff * diff / e;
        }
        return x2;
    }
}
