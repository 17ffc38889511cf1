package org.foolshap.attack;

/** Input checks for the attack: every message names the culprit argument and position. */
final class Checks {
    private Checks() {
    }

    static void finite(String what, double[] v) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException("the " + what + " are empty");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("the " + what + " have " + v[i] + " at position " + i);
            }
        }
    }

    static void sameLength(String a, double[] x, String b, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " " + a + " but " + y.length + " " + b);
        }
    }

    static double lambda(double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a positive finite number, got " + lambda);
        }
        return lambda;
    }

    static double sign(double beta) {
        if (beta != 1 && beta != -1) {
            throw new IllegalArgumentException("beta must be +1 or -1, got " + beta);
        }
        return beta;
    }

    static void matrix(String what, double[][] m) {
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        int d = m[0].length;
        for (int j = 0; j < m.length; j++) {
            if (m[j].length != d) {
                throw new IllegalArgumentException(what + " row " + j + " has " + m[j].length + " values, row 0 has " + d);
            }
            for (int i = 0; i < d; i++) {
                if (!Double.isFinite(m[j][i])) {
                    throw new IllegalArgumentException(what + " row " + j + " has " + m[j][i] + " in column " + i);
                }
            }
        }
    }

    static void feature(String what, int index, int width) {
        if (index < 0 || index >= width) {
            throw new IllegalArgumentException(what + " " + index + " is not a feature index (the model has " + width
                    + " features)");
        }
    }
}
