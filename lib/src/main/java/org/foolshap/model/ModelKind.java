package org.foolshap.model;

import java.util.Locale;

/** The model families the workbench trains, with the output each one explains. */
public enum ModelKind {
    /** Random forest; explains the soft probability of class 1. */
    RF,
    /** Gradient-boosted trees; explains the log-odds. */
    GBT,
    /** A single decision tree; explains the probability of class 1. */
    TREE,
    /** Logistic regression on standardised, one-hot encoded inputs; explains the probability. */
    LOGISTIC,
    /** One-hidden-layer perceptron on standardised, one-hot encoded inputs; explains the probability. */
    MLP;

    /** Parses the CLI spelling (rf, gbt, tree, logistic, mlp), with an error listing the valid ones. */
    public static ModelKind parse(String name) {
        for (ModelKind k : values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "' (choose one of rf, gbt, tree, logistic, mlp)");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the model's output means, for axis labels and JSON. */
    public String outputName() {
        return scale().label();
    }

    /** The scale of the explained output: log-odds for boosted trees, probabilities otherwise. */
    public OutputScale scale() {
        return this == GBT ? OutputScale.LOG_ODDS : OutputScale.PROBABILITY;
    }
}
