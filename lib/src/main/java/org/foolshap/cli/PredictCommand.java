package org.foolshap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.foolshap.data.Csv;
import org.foolshap.model.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** {@code predict --model MODEL --data FILE.csv --out OUT.csv}: the input rows plus the model's output. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Score raw CSV rows with a saved model: writes the input columns plus",
                "'output', the explained output (probability of class 1, log-odds for gbt,",
                "the margin of XGBoost and LightGBM classifiers unless --output probability).",
                "Empty cells are missing values for XGBoost and LightGBM models (their trees",
                "send them their default way).",
                "Extra columns (e.g. the target) are kept; a missing feature column, a",
                "missing value (other models), a number that is not finite, an unknown category or an",
                "output that is not a number is an error. OUT.csv is replaced only once",
                "complete."})
public final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "model file written by train, or XGBoost .json, LightGBM .txt, ONNX .onnx")
    Path model;

    @CommandLine.Mixin
    ModelOptions modelOptions;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "rows to score")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "CSV file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        Outputs.checkFile("--out", out, data, model);
        Table t = Csv.read(data);
        ModelFile m = modelOptions.load(model, t);
        if (t.containsColumn("output")) {
            throw new UserError(data + " already has a column named 'output'; rename it first");
        }
        double[] y = GroupedData.outputs(m, m.features().encode(t), model, data);
        Table result = t.copy();
        result.addColumns(DoubleColumn.create("output", y));
        Csv.write(result, out);
        spec.commandLine().getErr().println("wrote " + y.length + " scored rows to " + out);
        return 0;
    }
}
