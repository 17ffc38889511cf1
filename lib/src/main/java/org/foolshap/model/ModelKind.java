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
    MLP,
    /** XGBoost (trained with xgboost4j, or read from an XGBoost JSON file); explains the margin (log-odds). */
    XGB,
    /** LightGBM, read from a LightGBM text file (not trained here); explains the raw score. */
    LGBM,
    /** A model read by a {@link ModelFormat} provider (e.g. ONNX); explains what the file's model outputs. */
    EXTERNAL;

    /** Parses the CLI spelling (rf, gbt, tree, logistic, mlp, xgb, lgbm, external), with an error listing them. */
    public static ModelKind parse(String name) {
        for (ModelKind k : values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "' (choose one of rf, gbt, tree, logistic, mlp, xgb)");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the model's output means, for axis labels and JSON. */
    public String outputName() {
        return scale().label();
    }

    /**
     * The scale of the explained output of the models this workbench trains: log-odds for boosted trees,
     * probabilities otherwise. A model read from a file says its own ({@link Model#scale()}).
     */
    public OutputScale scale() {
        return this == GBT || this == XGB || this == LGBM ? OutputScale.LOG_ODDS : OutputScale.PROBABILITY;
    }

    /** Whether {@code train} can fit this kind (lgbm and external models only come from files). */
    public boolean trainable() {
        return this != LGBM && this != EXTERNAL;
    }
}
