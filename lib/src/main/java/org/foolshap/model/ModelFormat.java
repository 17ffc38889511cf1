package org.foolshap.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A model file format that this jar does not read itself (e.g. ONNX, in the optional {@code foolshap-onnx.jar}),
 * found at run time with {@link java.util.ServiceLoader}: a jar on the class path lists its implementation in
 * {@code META-INF/services/org.foolshap.model.ModelFormat}. {@link ModelFile#load(Path, ModelInputs)} tries, in
 * order: the workbench's own format (recognised by its first bytes, whatever the suffix), XGBoost {@code .json},
 * LightGBM {@code .txt}, then the first provider whose {@link #suffixes()} match the file name.
 *
 * <p>Implementations need a public no-argument constructor and must be stateless (one instance may read many
 * files, from several threads).
 */
public interface ModelFormat {
    /** A short name for messages and the model's info, e.g. {@code "ONNX"}. */
    String name();

    /** File name suffixes this format reads, lower case with the dot, e.g. {@code [".onnx"]}. */
    List<String> suffixes();

    /**
     * Reads a model file. A file this format cannot use (damaged, unsupported operator or objective) is an
     * {@link IllegalArgumentException} whose message is one line describing the problem; the caller prefixes it
     * with "model file PATH ".
     */
    ExternalModel read(Path file) throws IOException;
}
