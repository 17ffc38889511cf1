package org.foolshap.data;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One model input: numeric when {@code levels} is empty, otherwise categorical with its levels in code order
 * (the value in a model row is the level's index, stored as a double).
 */
public record Feature(String name, List<String> levels) implements Serializable {
    public Feature {
        Objects.requireNonNull(name, "feature name");
        levels = List.copyOf(levels);
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
