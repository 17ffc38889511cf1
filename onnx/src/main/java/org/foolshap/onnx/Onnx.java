package org.foolshap.onnx;

import java.io.IOException;
import java.nio.file.Path;
import org.foolshap.model.ExternalModel;
import org.foolshap.model.Model;

/**
 * ONNX models in notebooks. {@code ModelFile.load(path, inputs)} reads {@code .onnx} files too once this jar is on
 * the class path; these calls are for a model without the CSV plumbing:
 * <pre>{@code
 * Model forest = Onnx.load(Path.of("forest.onnx")).model();   // a TreeEnsemble when the graph is one
 * Model graph = Onnx.blackBox(Path.of("forest.onnx"));        // always ONNX Runtime
 * }</pre>
 * Problems are one-line {@link IllegalArgumentException}s naming the file.
 */
public final class Onnx {
    private Onnx() {
    }

    /** The model as the CLI reads it: a tree view when the graph is one tree ensemble, else a black box. */
    public static ExternalModel load(Path file) throws IOException {
        try {
            return OnnxFormat.read(OnnxFormat.bytes(file), true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file " + file + " (ONNX) " + e.getMessage(), e);
        }
    }

    /** The graph run by ONNX Runtime, whatever it computes (see {@link OutputChoice} for the output read). */
    public static OnnxModel blackBox(Path file) throws IOException {
        try {
            return (OnnxModel) OnnxFormat.read(OnnxFormat.bytes(file), false).model();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file " + file + " (ONNX) " + e.getMessage(), e);
        }
    }

    /** The same for a model held in memory. */
    public static Model blackBox(byte[] model) {
        return OnnxFormat.read(model.clone(), false).model();
    }
}
