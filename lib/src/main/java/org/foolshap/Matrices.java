package org.foolshap;

import java.util.Arrays;

/** Row-major {@code double[][]} helpers the packages share. */
public final class Matrices {
    private Matrices() {
    }

    /** A deep copy: results and caches keep their own rows, so a caller editing its array changes nothing. */
    public static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = Arrays.copyOf(rows[i], rows[i].length);
        }
        return out;
    }
}
