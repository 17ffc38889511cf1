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
        return load(file, ModelInputs.none());
    }

    /**
     * Loads a model file of any kind this version reads: the workbench's own format (recognised by its first
     * bytes, whatever the name), an XGBoost JSON file ({@code .json}), a LightGBM text file ({@code .txt}), or a
     * file of a {@link ModelFormat} provider on the class path (by suffix, e.g. {@code .onnx} with
     * foolshap-onnx.jar). A model from another library gets numeric features named as in the file, or as
     * {@code inputs} says when the file has no names ({@link ModelInputs}); missing values in its inputs are read
     * as NaN, which its trees send the way the file says. Every problem is one line naming the file.
     */
    public static ModelFile load(Path file, ModelInputs inputs) throws IOException {
        ModelFile m = isWorkbenchFile(file) ? loadWorkbench(file) : ExternalInputs.resolve(file, inputs);
        if (!inputs.features().isEmpty() && isWorkbenchFile(file)) {
            throw new IllegalArgumentException("model file " + file + " names its own features " + m.features().names()
                    + "; --features is for model files without names");
        }
        if (inputs.output() == ModelInputs.Output.MARGIN) {
            if (m.model() instanceof LogisticOutput logistic) { // e.g. an ONNX boosted classifier's tree view
                return new ModelFile(m.features(), logistic.margin(), m.kind(), m.target(), m.targetLevels(),
                        m.info());
            }
            if (m.model().scale() == OutputScale.PROBABILITY) {
                throw new IllegalArgumentException("model file " + file + " outputs a probability with no log-odds "
                        + "inside it to read (e.g. a forest's vote share or a network's sigmoid), so --output "
                        + "margin does not apply; leave --output out to explain that probability");
            }
            return m;
        }
        if (inputs.output() == ModelInputs.Output.OWN || m.model().scale() == OutputScale.PROBABILITY) {
            return m;
        }
        if (m.model().scale() != OutputScale.LOG_ODDS) {
            throw new IllegalArgumentException("model file " + file + " outputs raw values (e.g. a regression), "
                    + "not a log-odds, so it has no probability to explain");
        }
        return new ModelFile(m.features(), new LogisticOutput(m.model()), m.kind(), m.target(), m.targetLevels(),
                m.info());
    }

    /** Whether the file starts as a workbench model file (or an old Java-serialized one). */
    private static boolean isWorkbenchFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return true; // the workbench loader words the error
        }
        byte[] head = new byte[ModelCodec.MAGIC.length];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 2 && (head[0] & 0xff) == 0xAC && (head[1] & 0xff) == 0xED) {
            return true;
        }
        return n == head.length && java.util.Arrays.equals(head, ModelCodec.MAGIC) || n == 0;
    }

    private static ModelFile loadWorkbench(Path file) throws IOException {
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
