package org.foolshap.model;

import java.io.Serializable;
import java.util.function.ToDoubleFunction;

/**
 * A model as SHAP sees it: a function from a feature row (numeric values, categorical features as level codes)
 * to the one real output being explained (a probability, or log-odds for boosted trees).
 * Implementations must be thread-safe: explainers call them from several threads.
 */
public interface Model extends Serializable {
    /** Number of features a row must have. */
    int width();

    /** The explained output for one row. */
    double output(double[] row);

    /** What the output means; results computed from this model carry it to the figures. */
    default OutputScale scale() {
        return OutputScale.PROBABILITY;
    }

    /** The outputs for many rows; override when a batch is cheaper than row by row. */
    default double[] outputs(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = output(rows[i]);
        }
        return out;
    }

    /**
     * The outputs on every hybrid row of x and z over the given players: {@code out[mask] = f(h)} with
     * {@code h[players[b]] = x[players[b]]} for each bit b set in {@code mask} and {@code h = z} elsewhere, for
     * {@code mask} in 0..2^k-1 (k = players.length, {@code out.length >= 2^k}). This is all exact Shapley
     * enumeration needs; this default builds the 2^k rows and calls {@link #outputs(double[][])}, models with
     * structure (tree ensembles, dense networks, their sigmoid) override it with something much cheaper.
     */
    default void hybridOutputs(double[] x, double[] z, int[] players, double[] out) {
        int n = 1 << players.length;
        double[][] hybrids = new double[n][];
        for (int mask = 0; mask < n; mask++) {
            hybrids[mask] = hybrid(x, z, players, mask);
        }
        System.arraycopy(outputs(hybrids), 0, out, 0, n);
    }

    /** The hybrid row of {@link #hybridOutputs} for one mask: x on the players whose bit is set, z elsewhere. */
    static double[] hybrid(double[] x, double[] z, int[] players, int mask) {
        double[] h = z.clone();
        for (int b = 0; b < players.length; b++) {
            if ((mask & (1 << b)) != 0) {
                h[players[b]] = x[players[b]];
            }
        }
        return h;
    }

    /**
     * Wraps any function. Such a model is code, not data, so it cannot be saved in a {@link ModelFile} (which holds
     * trained, tree-ensemble and linear models as numbers); keep the function in your code instead.
     */
    static Model of(int width, ToDoubleFunction<double[]> function) {
        return new FunctionModel(width, function, OutputScale.PROBABILITY);
    }

    /** As {@link #of(int, ToDoubleFunction)} for a function whose output is on another scale (e.g. log-odds). */
    static Model of(int width, ToDoubleFunction<double[]> function, OutputScale scale) {
        return new FunctionModel(width, function, java.util.Objects.requireNonNull(scale, "scale"));
    }

    /** A model whose output is exactly {@code bias + sum_i weights[i] * x[i]}; explainers use its closed form. */
    static LinearModel linear(double bias, double... weights) {
        return new LinearModel(bias, weights);
    }
}
