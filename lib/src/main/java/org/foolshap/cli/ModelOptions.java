package org.foolshap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.foolshap.model.ModelFile;
import org.foolshap.model.ModelInputs;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * The options of every command that reads a --model file, for models trained elsewhere (XGBoost .json, LightGBM
 * .txt, ONNX .onnx with foolshap-onnx.jar): how their inputs meet the CSV's columns, and which output is explained.
 */
final class ModelOptions {
    @Option(names = "--features", split = ",", paramLabel = "A,B,...",
            description = {"inputs of a model file that does not name them (e.g. XGBoost trained on an array),",
                "in the model's order; default: the CSV's first columns, in order. Files that name their",
                "inputs are matched to the CSV's columns by name."})
    List<String> features;

    @Option(names = "--output", defaultValue = "margin", paramLabel = "OUTPUT",
            description = {"the output explained: margin (default: the model's own output, the log-odds of",
                "xgb, lgbm and gbt classifiers) or probability (their sigmoid, explained exactly, 2^d calls)"})
    String output = "margin";

    /** The model file, matched to the columns of {@code data} (null when no CSV is at hand). */
    ModelFile load(Path model, Table data) throws IOException {
        boolean probability = switch (output.toLowerCase(Locale.ROOT)) {
            case "margin" -> false;
            case "probability" -> true;
            default -> throw new UserError("--output must be margin or probability, not '" + output + "'");
        };
        ModelInputs inputs = data == null ? ModelInputs.none() : ModelInputs.of(data);
        return ModelFile.load(model, inputs.withFeatures(features == null ? List.of() : features)
                .withProbability(probability));
    }
}
