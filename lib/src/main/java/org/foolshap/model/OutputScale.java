package org.foolshap.model;

/**
 * What a model's explained output means. It travels on models and on every result computed from them, so figures
 * label their axes without being told.
 */
public enum OutputScale {
    /** A probability of the positive class, in [0, 1]. */
    PROBABILITY("probability"),
    /** The log-odds (margin) of the positive class, e.g. boosted trees' raw score. */
    LOG_ODDS("log-odds"),
    /** Any other real output. */
    RAW("output");

    private final String label;

    OutputScale(String label) {
        this.label = label;
    }

    /** The name used in axis titles and JSON: "probability", "log-odds" or "output". */
    public String label() {
        return label;
    }

    /** Parses a label ("probability", "log-odds", "output") or an enum name, with an error listing the valid ones. */
    public static OutputScale parse(String text) {
        for (OutputScale s : values()) {
            if (s.label.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown output scale '" + text + "' (probability, log-odds or output)");
    }

    @Override
    public String toString() {
        return label;
    }
}
