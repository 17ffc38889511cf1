package org.foolshap.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The formats of other libraries' model files: the built-in XGBoost JSON and LightGBM text readers, then every
 * {@link ModelFormat} provider on the class path (found with {@link ServiceLoader}), chosen by file suffix.
 */
public final class ModelFormats {
    /** What the error for an unknown kind of file says about ONNX when no provider reads {@code .onnx}. */
    static final String ONNX_HINT = "ONNX models (.onnx) need foolshap-onnx.jar (build: mvn -pl onnx -am package) "
            + "next to foolshap.jar or on the class path";

    private ModelFormats() {
    }

    /** The built-in formats, then the providers found on the class path. */
    public static List<ModelFormat> all() {
        List<ModelFormat> out = new ArrayList<>(builtIn());
        // the context loader (the usual case) and the loader of this library: a notebook kernel may load the
        // library (and the jars its manifest names) through a loader that is not the thread's context loader
        java.util.Set<String> seen = new java.util.HashSet<>();
        try {
            for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                    ModelFormat.class.getClassLoader()}) {
                for (ModelFormat f : ServiceLoader.load(ModelFormat.class, loader)) {
                    if (seen.add(f.getClass().getName())) {
                        out.add(f);
                    }
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a model format provider on the class path is broken: " + e.getMessage(),
                    e);
        }
        return out;
    }

    static List<ModelFormat> builtIn() {
        return List.of(new XGBoostJson(), new LightGbmText());
    }

    /** The first format whose suffix the file name ends with, or a one-line error naming the accepted kinds. */
    public static ModelFormat forFile(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        List<ModelFormat> formats = all();
        for (ModelFormat f : formats) {
            for (String s : f.suffixes()) {
                if (name.endsWith(s.toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException("model file " + file + " is neither a Fool SHAP model file nor a kind "
                + "this version reads: " + accepted(formats));
    }

    /** "a Fool SHAP model file (from train), .json (XGBoost), .txt (LightGBM), ..." plus the ONNX hint if needed. */
    static String accepted(List<ModelFormat> formats) {
        StringBuilder b = new StringBuilder("a Fool SHAP model file (from train)");
        boolean onnx = false;
        for (ModelFormat f : formats) {
            for (String s : f.suffixes()) {
                b.append(", ").append(s).append(" (").append(f.name()).append(')');
                onnx |= s.equalsIgnoreCase(".onnx");
            }
        }
        return onnx ? b.toString() : b + "; " + ONNX_HINT;
    }

    /** Reads an external model file, every problem a one-line {@link IllegalArgumentException} naming the file. */
    public static ExternalModel read(Path file) throws IOException {
        ModelFormat format = forFile(file);
        try {
            return format.read(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file " + file + " (" + format.name() + ") " + e.getMessage(), e);
        }
    }
}
