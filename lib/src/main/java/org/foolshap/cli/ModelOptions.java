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

    @Option(names = "--output", paramLabel = "OUTPUT",
            description = {"the output explained: by default the model's own (the log-odds of xgb, lgbm and gbt",
                "classifiers, the probability an ONNX graph outputs); margin: the log-odds, also the score",
                "inside a logistic ONNX tree ensemble; probability: the sigmoid of a log-odds output",
                "(explained exactly, 2^d calls per pair)"})
    String output;

    /** The model file, matched to the columns of {@code data} (null when no CSV is at hand). */
    ModelFile load(Path model, Table data) throws IOException {
        ModelInputs.Output which = output == null ? ModelInputs.Output.OWN
                : switch (output.toLowerCase(Locale.ROOT)) {
                    case "margin" -> ModelInputs.Output.MARGIN;
                    case "probability" -> ModelInputs.Output.PROBABILITY;
                    default -> throw new UserError("--output must be margin or probability, not '" + output + "'");
                };
        ModelInputs inputs = data == null ? ModelInputs.none() : ModelInputs.of(data);
        return ModelFile.load(model, inputs.withFeatures(features == null ? List.of() : features)
                .withOutput(which));
    }
}
