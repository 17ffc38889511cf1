package org.foolshap.model;

/**
 * Selecting rows, outputs or labels by index: the one helper the model package uses to cut a dataset by a
 * {@link org.foolshap.data.Split} (training, evaluation, the random search). Rows are shared, not copied; repeated
 * indices are kept. Cost O(k) for k indices; an index outside the array throws {@link IndexOutOfBoundsException}.
 */
public final class Pick {
    private Pick() {
    }

    /** The rows at the given indices, in that order (the row arrays are shared, not copied). */
    public static double[][] rows(double[][] rows, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int k = 0; k < indices.length; k++) {
            out[k] = rows[indices[k]];
        }
        return out;
    }

    /** The values (e.g. model outputs) at the given indices, in that order. */
    public static double[] values(double[] values, int[] indices) {
        double[] out = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = values[indices[k]];
        }
        return out;
    }

    /** The labels at the given indices, in that order. */
    public static int[] labels(int[] labels, int[] indices) {
        int[] out = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = labels[indices[k]];
        }
        return out;
    }
}
