package org.foolshap.shap;

/** Input checks shared by explainers: every message names the culprit row and column. */
final class Rows {
    private Rows() {
    }

    /** Checks one pair (x, z) of rows for a model of the given width; returns the width. */
    static int pair(double[] x, double[] z, int width) {
        check("foreground", 0, x, width);
        check("background", 0, z, width);
        return width;
    }

    /** Checks the foreground and background rows for a model of the given width; returns the width. */
    static int groups(double[][] foreground, double[][] background, int width) {
        check("foreground", foreground, width);
        check("background", background, width);
        return width;
    }

    /** As {@link #pair}, refusing missing values (NaN): for closed forms that never run the model. */
    static int pairComplete(double[] x, double[] z, int width) {
        pair(x, z, width);
        complete("foreground", 0, x);
        complete("background", 0, z);
        return width;
    }

    /** As {@link #groups}, refusing missing values (NaN): for closed forms that never run the model. */
    static int groupsComplete(double[][] foreground, double[][] background, int width) {
        groups(foreground, background, width);
        for (int r = 0; r < foreground.length; r++) {
            complete("foreground", r, foreground[r]);
        }
        for (int r = 0; r < background.length; r++) {
            complete("background", r, background[r]);
        }
        return width;
    }

    private static void complete(String what, int r, double[] row) {
        for (int i = 0; i < row.length; i++) {
            if (Double.isNaN(row[i])) {
                throw new IllegalArgumentException(what + " row " + r + " has NaN in column " + i);
            }
        }
    }

    static void check(String what, double[][] rows, int width) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        for (int r = 0; r < rows.length; r++) {
            check(what, r, rows[r], width);
        }
    }

    static void check(String what, int r, double[] row, int width) {
        if (row.length != width) {
            throw new IllegalArgumentException(what + " row " + r + " has " + row.length + " values but the model takes "
                    + width);
        }
        // NaN is a missing value, which models such as XGBoost's and LightGBM's route by each node's default
        // direction; a model that cannot take it returns a non-finite output, which finite() reports
    }

    /** Indices of the features where x and z differ: the only players that are not dummies. */
    static int[] differing(double[] x, double[] z) {
        int[] diff = new int[x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != z[i] && !(Double.isNaN(x[i]) && Double.isNaN(z[i]))) { // two missing values are equal
                diff[k++] = i;
            }
        }
        return java.util.Arrays.copyOf(diff, k);
    }

    static double finite(double output, double[] row) {
        if (!Double.isFinite(output)) {
            throw new IllegalStateException("the model returned " + output + " for row " + java.util.Arrays.toString(row));
        }
        return output;
    }
}
