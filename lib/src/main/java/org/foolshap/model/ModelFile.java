package org.foolshap.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.foolshap.AtomicFiles;
import org.foolshap.data.Features;

/**
 * A trained model with everything needed to use it on raw CSV rows: its features (and so the categorical
 * encoding), the target and its two levels (level index 1 is the positive class), and free-form metadata
 * (dataset, seed, metrics).
 *
 * <p>Saved as data, not as Java objects (format in {@code ModelCodec}): tree ensembles, linear models and the
 * trained logistic regressions and perceptrons, as their numbers. Loading a file therefore never runs code the file
 * chooses, and allocates no more than the file's size justifies: a model file from someone else (an auditor's input)
 * is either a valid model or a one-line error naming the file. A model made from a function ({@link Model#of}) is
 * code and cannot be saved.
 */
public record ModelFile(Features features, Model model, ModelKind kind, String target, List<String> targetLevels,
                        Map<String, String> info) {
    /** Largest model file read (a random forest of 100 depth-10 trees on Adult takes a few MB). */
    public static final long MAX_BYTES = 1L << 30;

    public ModelFile {
        targetLevels = List.copyOf(targetLevels);
        info = Map.copyOf(info);
        if (model.width() != features.width()) {
            throw new IllegalArgumentException("model takes " + model.width() + " features but " + features.width()
                    + " are described");
        }
    }

    /**
     * Writes the model atomically: to a temporary file beside {@code file}, then renamed over it, so an interrupted
     * save leaves the previous file (or none), never a partial one.
     *
     * @throws IllegalArgumentException when the model is not data (e.g. a {@link Model#of function model})
     */
    public void save(Path file) throws IOException {
        byte[] bytes = ModelCodec.encode(this);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Loads a model file. Every problem is an {@link IllegalArgumentException} with one line that names the file:
     * missing, empty, truncated, not a model file, an older Java-serialized model, or inconsistent contents (a tree
     * whose nodes do not form a tree, weights that are not finite, layers whose sizes do not chain).
     */
    public static ModelFile load(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("model file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file " + file + " is not a regular file");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException("model file " + file + " has " + size + " bytes, more than the "
                    + MAX_BYTES + " a model file may have");
        }
        try {
            return ModelCodec.decode(Files.readAllBytes(file));
        } catch (ModelCodec.Malformed e) {
            throw new IllegalArgumentException("model file " + file + " " + e.getMessage());
        }
    }
}
