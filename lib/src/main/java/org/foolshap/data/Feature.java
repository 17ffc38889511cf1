package org.foolshap.data;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One model input: numeric when {@code levels} is empty, otherwise categorical with its levels in code order
 * (the value in a model row is the level's index, stored as a double). A numeric input of a model that handles
 * missing values itself (XGBoost, LightGBM trees) has {@code missingAllowed}: an empty cell becomes NaN instead
 * of an error.
 */
public record Feature(String name, List<String> levels, boolean missingAllowed) implements Serializable {
    public Feature {
        Objects.requireNonNull(name, "feature name");
        levels = List.copyOf(levels);
        if (missingAllowed && !levels.isEmpty()) {
            throw new IllegalArgumentException("categorical feature " + name + " cannot take missing values");
        }
    }

    public Feature(String name, List<String> levels) {
        this(name, levels, false);
    }

    /** A numeric input whose missing values are NaN, for models that send NaN a chosen way. */
    public static Feature numericWithMissing(String name) {
        return new Feature(name, List.of(), true);
    }

    public static Feature numeric(String name) {
        return new Feature(name, List.of());
    }

    public static Feature categorical(String name, List<String> levels) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("categorical feature " + name + " needs at least one level");
        }
        return new Feature(name, levels);
    }

    public boolean categorical() {
        return !levels.isEmpty();
    }

    /** Code of a level, or -1 when the level is unknown. */
    public int code(String level) {
        return levels.indexOf(level);
    }
}
