package org.foolshap.shap;

/** Input checks shared by explainers: every message names the culprit row and column. */
final class Rows {
    private Rows() {
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
        for (int i = 0; i < width; i++) {
            if (Double.isNaN(row[i])) {
                throw new IllegalArgumentException(what + " row " + r + " has NaN in column " + i);
            }
        }
    }

    static double finite(double output, double[] row) {
        if (!Double.isFinite(output)) {
            throw new IllegalStateException("the model returned " + output + " for row " + java.util.Arrays.toString(row));
        }
        return output;
    }
}
