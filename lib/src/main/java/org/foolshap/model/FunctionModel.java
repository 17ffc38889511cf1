package org.foolshap.model;

import java.util.function.ToDoubleFunction;

/** Adapter from a plain function; see {@link Model#of}. */
record FunctionModel(int width, ToDoubleFunction<double[]> function, OutputScale scale) implements Model {
    FunctionModel {
        if (width < 1) {
            throw new IllegalArgumentException("a model needs at least one feature, got width " + width);
        }
    }

    @Override
    public double output(double[] row) {
        return function.applyAsDouble(row);
    }
}
