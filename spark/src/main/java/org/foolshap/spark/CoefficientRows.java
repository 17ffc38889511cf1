package org.foolshap.spark;

import java.util.List;

/**
 * Distributed coefficients collected to the driver, ordered by row id: C[j][i] = Phi_i(f, S_0, z_j), f(z_j) and the
 * id of z_j. Immutable (accessors copy).
 */
public final class CoefficientRows {
    private final List<String> names;
    private final long[] ids;
    private final double[] outputs;
    private final double[][] values;

    CoefficientRows(List<String> names, long[] ids, double[] outputs, double[][] values) {
        this.names = List.copyOf(names);
        this.ids = ids;
        this.outputs = outputs;
        this.values = values;
    }

    public List<String> names() {
        return names;
    }

    /** Row ids, ascending. */
    public long[] ids() {
        return ids.clone();
    }

    /** f(z_j) in id order. */
    public double[] outputs() {
        return outputs.clone();
    }

    /** C[j][i] in id order (a copy). */
    public double[][] values() {
        double[][] out = new double[values.length][];
        for (int j = 0; j < out.length; j++) {
            out[j] = values[j].clone();
        }
        return out;
    }

    public int rows() {
        return ids.length;
    }

    @Override
    public String toString() {
        return "Coefficients C[j][i] = Phi_i(f, S_0, z_j): " + ids.length + " background rows x " + names.size()
                + " features";
    }
}
