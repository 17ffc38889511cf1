package org.foolshap.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.foolshap.AtomicFiles;
import org.foolshap.Progress;
import org.foolshap.data.Csv;
import org.foolshap.model.ModelFile;
import org.foolshap.shap.Explainer;
import org.foolshap.shap.Explainers;
import org.foolshap.shap.Explanation;
import org.foolshap.shap.LocalShap;

/**
 * {@code explain --local}: per-row SHAP values of a saved model, one CSV row per foreground row,
 * {@code row,<one column per feature>,base_value}, where {@code row} is the 0-based index into the foreground file,
 * each feature column holds phi_i(x) = mean over every background row z of phi_i(f, x, z), and {@code base_value} is
 * mean f over the background, so that the feature columns plus base_value sum to f(x).
 */
final class LocalExplanationCsv {
    private LocalExplanationCsv() {
    }

    /**
     * Reads the model and both CSV files (columns the model does not use are ignored), explains every foreground row
     * with the named method (auto, exact, tree, permutation, kernel) and writes {@code out} once complete, atomically
     * ({@link AtomicFiles}): a failure leaves any previous file.
     *
     * @return the explanation written
     */
    static Explanation write(Path model, Path foreground, Path background, String method, Path out,
                             Progress progress) throws IOException {
        return write(model, new ModelOptions(), foreground, background, method, out, progress);
    }

    /** As above, with the options of a model from another library (--features, --output). */
    static Explanation write(Path model, ModelOptions options, Path foreground, Path background, String method,
                             Path out, Progress progress) throws IOException {
        Outputs.checkFile("--out", out, model, foreground, background);
        tech.tablesaw.api.Table fgTable = Csv.read(foreground);
        ModelFile file = options.load(model, fgTable);
        List<String> names = file.features().names();
        for (String reserved : List.of("row", "base_value")) {
            if (names.contains(reserved)) {
                throw new UserError("the model has a feature named '" + reserved + "', which clashes with the '"
                        + reserved + "' column of the local explanation");
            }
        }
        Explainer explainer = Explainers.byName(method, file.model());
        double[][] fg = file.features().encode(fgTable);
        double[][] bg = file.features().encode(Csv.read(background));
        GroupedData.outputs(file, fg, model, foreground);
        GroupedData.outputs(file, bg, model, background);
        Explanation e = LocalShap.of(explainer).withFeatures(file.features()).withProgress(progress).explain(fg, bg);
        double[][] phi = e.values();
        AtomicFiles.write(out, o -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8));
            w.write("row," + String.join(",", names.stream().map(Tables::quote).toList()) + ",base_value");
            w.newLine();
            for (int r = 0; r < phi.length; r++) {
                StringBuilder line = new StringBuilder().append(r);
                for (double v : phi[r]) {
                    line.append(',').append(v);
                }
                w.write(line.append(',').append(e.baseValue()).toString());
                w.newLine();
            }
            w.flush();
        });
        return e;
    }
}
