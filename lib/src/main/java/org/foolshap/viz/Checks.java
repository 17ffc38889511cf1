package org.foolshap.viz;

import java.util.Collection;

/** Input checks whose messages name the offending argument and element. */
final class Checks {
    private Checks() {
    }

    static double[] finite(String name, double[] a) {
        if (a == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + a[i] + " (values must be finite)");
            }
        }
        return a;
    }

    static double[] nonEmpty(String name, double[] a) {
        finite(name, a);
        if (a.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        return a;
    }

    static void sameLength(String a, int na, String b, int nb) {
        if (na != nb) {
            throw new IllegalArgumentException(a + " has " + na + " elements but " + b + " has " + nb);
        }
    }

    static double[] positive(String name, double[] a) {
        finite(name, a);
        for (int i = 0; i < a.length; i++) {
            if (a[i] <= 0) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + a[i]
                        + " is not > 0 (the axis is logarithmic)");
            }
        }
        return a;
    }

    static double[] probabilities(String name, double[] a) {
        finite(name, a);
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 || a[i] > 1) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + a[i] + " is not in [0, 1]");
            }
        }
        return a;
    }

    static double[] nonNegative(String name, double[] a) {
        finite(name, a);
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + a[i] + " is negative");
            }
        }
        return a;
    }

    static void matrix(String name, double[][] m, int rows, String rowsName, int cols, String colsName) {
        if (m == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        sameLength(name, m.length, rowsName, rows);
        for (int r = 0; r < m.length; r++) {
            if (m[r] == null) {
                throw new IllegalArgumentException(name + "[" + r + "] is null");
            }
            sameLength(name + "[" + r + "]", m[r].length, colsName, cols);
            finite(name + "[" + r + "]", m[r]);
        }
    }

    static <T> T notNull(String name, T o) {
        if (o == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        return o;
    }

    static void notEmpty(String name, Collection<?> c) {
        notNull(name, c);
        if (c.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }

    static void unique(String name, java.util.List<String> names) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String s : names) {
            if (!seen.add(s)) {
                throw new IllegalArgumentException(name + " contains " + s + " twice");
            }
        }
    }

    static void contains(String what, Collection<String> names, String name) {
        if (name != null && !names.contains(name)) {
            throw new IllegalArgumentException(what + " " + name + " is not among " + names);
        }
    }
}
