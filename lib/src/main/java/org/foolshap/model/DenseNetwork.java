package org.foolshap.model;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import smile.base.mlp.ActivationFunction;
import smile.base.mlp.HiddenLayer;
import smile.base.mlp.InputLayer;
import smile.base.mlp.MultilayerPerceptron;
import smile.base.mlp.OutputFunction;
import smile.base.mlp.OutputLayer;
import smile.classification.LogisticRegression;
import smile.classification.MLP;

/**
 * A feed-forward network on the {@link DenseEncoding} of a row: hidden layers h = sigmoid(W h' + b), then the
 * explained output P(class 1 | x) = sigmoid(w . h + b). Logistic regression is the network without hidden layers.
 *
 * <p>Smile's trained logistic regression and perceptron are converted to this form right after training, so that a
 * model holds plain numbers: a model file stores them as data and never deserializes Smile objects (whose sizes and
 * native matrix routines a crafted file could otherwise abuse). The conversion reads Smile 3.1.1's layer weights by
 * reflection (they have no public getters); a test replays Smile's predictions through the converted network.
 * Sigmoid is Smile's ({@code smile.math.MathEx.sigmoid}: 1 / (1 + e^-x) with x clamped to [-36, 36]).
 *
 * <p>Immutable and thread-safe. Cost per output: one multiply-add per weight.
 */
final class DenseNetwork implements Model {
    /** Most hidden layers a network (and so a model file) may have. */
    static final int MAX_LAYERS = 64;

    /**
     * One layer: {@code n} outputs from {@code p} inputs, weights row-major ({@code weights[k * p + i]} from input
     * i to output k).
     */
    record Layer(int n, int p, double[] weights, double[] bias) implements java.io.Serializable {
        Layer {
            if (n < 1 || p < 1) {
                throw new IllegalArgumentException("a layer needs at least one input and one output, got " + p
                        + " -> " + n);
            }
            if (weights.length != (long) n * p || bias.length != n) {
                throw new IllegalArgumentException("a " + p + " -> " + n + " layer needs " + (long) n * p
                        + " weights and " + n + " biases, got " + weights.length + " and " + bias.length);
            }
            weights = weights.clone();
            bias = bias.clone();
            finite("layer weights", weights);
            finite("layer biases", bias);
        }

        double[] forward(double[] x) {
            double[] h = new double[n];
            for (int k = 0; k < n; k++) {
                double s = bias[k];
                int base = k * p;
                for (int i = 0; i < p; i++) {
                    s += weights[base + i] * x[i];
                }
                h[k] = sigmoid(s);
            }
            return h;
        }
    }

    private final int width;
    private final DenseEncoding encoding;
    private final List<Layer> hidden;
    private final Layer output;

    /**
     * @param encoding the row encoding (its features give the model's width)
     * @param hidden   hidden layers, input side first; the first takes {@code encoding.width()} inputs
     * @param output   the output layer, with one output
     */
    DenseNetwork(DenseEncoding encoding, List<Layer> hidden, Layer output) {
        this.encoding = encoding;
        this.width = encoding.features().width();
        this.hidden = List.copyOf(hidden);
        this.output = output;
        if (hidden.size() > MAX_LAYERS) {
            throw new IllegalArgumentException("a network may have at most " + MAX_LAYERS + " hidden layers, got "
                    + hidden.size());
        }
        int p = encoding.width();
        for (Layer l : this.hidden) {
            if (l.p() != p) {
                throw new IllegalArgumentException("a layer takes " + l.p() + " inputs but receives " + p);
            }
            p = l.n();
        }
        if (output.p() != p || output.n() != 1) {
            throw new IllegalArgumentException("the output layer must map " + p + " inputs to 1 output, got "
                    + output.p() + " -> " + output.n());
        }
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public double output(double[] row) {
        double[] h = encoding.encode(row);
        for (Layer l : hidden) {
            h = l.forward(h);
        }
        return output.forward(h)[0];
    }

    /** All 2^k hybrid outputs with the first layer updated incrementally ({@link NetworkHybrids}). */
    @Override
    public void hybridOutputs(double[] x, double[] z, int[] players, double[] out) {
        for (int player : players) {
            if (!Double.isFinite(x[player]) || !Double.isFinite(z[player])) {
                Model.super.hybridOutputs(x, z, players, out); // reports the missing value as output() does
                return;
            }
        }
        NetworkHybrids.outputs(this, x, z, players, out);
    }

    DenseEncoding encoding() {
        return encoding;
    }

    List<Layer> hidden() {
        return hidden;
    }

    Layer outputLayer() {
        return output;
    }

    /** Smile's sigmoid, clamped as Smile clamps it. */
    static double sigmoid(double x) {
        double c = Math.max(-36, Math.min(36, x));
        return 1 / (1 + Math.exp(-c));
    }

    private static void finite(String what, double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " must be finite, found " + v);
            }
        }
    }

    /** Smile's binomial logistic regression: P(1) = sigmoid(w[p] + sum_i w[i] x[i]). */
    static DenseNetwork logistic(DenseEncoding encoding, LogisticRegression.Binomial lr) {
        double[] w = lr.coefficients();
        int p = w.length - 1;
        double[] weights = java.util.Arrays.copyOf(w, p);
        return new DenseNetwork(encoding, List.of(), new Layer(1, p, weights, new double[] {w[p]}));
    }

    /** Smile's binary perceptron with sigmoid hidden layers and one sigmoid output unit. */
    static DenseNetwork mlp(DenseEncoding encoding, MLP mlp) {
        try {
            List<Layer> hidden = new ArrayList<>();
            for (smile.base.mlp.Layer l : (smile.base.mlp.Layer[]) NET.get(mlp)) {
                if (l instanceof InputLayer) {
                    continue;
                }
                if (!(l instanceof HiddenLayer h)) {
                    throw new IllegalArgumentException("unsupported perceptron layer " + l.getClass().getName());
                }
                String activation = ((ActivationFunction) HIDDEN_ACTIVATION.get(h)).name();
                if (!activation.equalsIgnoreCase("sigmoid")) {
                    throw new IllegalArgumentException("only sigmoid hidden layers are supported, got " + activation);
                }
                hidden.add(layer(h));
            }
            OutputLayer out = (OutputLayer) OUTPUT.get(mlp);
            if (OUTPUT_ACTIVATION.get(out) != OutputFunction.SIGMOID || out.getOutputSize() != 1) {
                throw new IllegalArgumentException("only a binary perceptron with one sigmoid output is supported");
            }
            return new DenseNetwork(encoding, hidden, layer(out));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read Smile's perceptron weights", e);
        }
    }

    private static Layer layer(smile.base.mlp.Layer l) throws IllegalAccessException {
        double[][] w = ((smile.math.matrix.Matrix) WEIGHT.get(l)).toArray();
        double[] b = (double[]) BIAS.get(l);
        int n = l.getOutputSize();
        int p = l.getInputSize();
        double[] flat = new double[n * p];
        for (int k = 0; k < n; k++) {
            System.arraycopy(w[k], 0, flat, k * p, p);
        }
        return new Layer(n, p, flat, b);
    }

    private static final Field NET = field(MultilayerPerceptron.class, "net");
    private static final Field OUTPUT = field(MultilayerPerceptron.class, "output");
    private static final Field WEIGHT = field(smile.base.mlp.Layer.class, "weight");
    private static final Field BIAS = field(smile.base.mlp.Layer.class, "bias");
    private static final Field HIDDEN_ACTIVATION = field(HiddenLayer.class, "activation");
    private static final Field OUTPUT_ACTIVATION = field(OutputLayer.class, "activation");

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Smile " + type.getSimpleName() + " has no field " + name
                    + " (this code reads Smile 3.1.1)", e);
        }
    }
}
