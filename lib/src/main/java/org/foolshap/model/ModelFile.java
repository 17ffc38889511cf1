package org.foolshap.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.foolshap.data.Features;

/**
 * A trained model with everything needed to use it on raw CSV rows: its features (and so the categorical
 * encoding), the target and its two levels (level index 1 is the positive class), and free-form metadata
 * (dataset, seed, metrics). Saved with Java serialization.
 */
public record ModelFile(Features features, Model model, ModelKind kind, String target, List<String> targetLevels,
                        Map<String, String> info) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ModelFile {
        targetLevels = List.copyOf(targetLevels);
        info = Map.copyOf(info);
        if (model.width() != features.width()) {
            throw new IllegalArgumentException("model takes " + model.width() + " features but " + features.width()
                    + " are described");
        }
    }

    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file); var oos = new ObjectOutputStream(out)) {
            oos.writeObject(this);
        }
    }

    /** Loads a model file, with a one-line error when the file is missing or not a workbench model. */
    public static ModelFile load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file); var ois = new ObjectInputStream(in)) {
            Object o = ois.readObject();
            if (o instanceof ModelFile m) {
                return m;
            }
            throw new IllegalArgumentException(file + " is not a Fool SHAP model file");
        } catch (ClassNotFoundException | java.io.StreamCorruptedException | java.io.InvalidClassException e) {
            throw new IllegalArgumentException(file + " is not a Fool SHAP model file (or was written by another version)");
        }
    }
}
