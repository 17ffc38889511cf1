package org.foolshap.cli;

import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.foolshap.AtomicFiles;
import org.foolshap.data.Csv;
import org.foolshap.fairness.FairnessMetrics;
import org.foolshap.fairness.FairnessReport;
import org.foolshap.model.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * {@code fairness --model M --data D.csv --target COL --sensitive COL[,COL...] [--threshold T] --out F.json}: group
 * fairness of a saved model's decisions (output &gt;= threshold), per group and summarised, as JSON.
 */
@Command(name = "fairness", mixinStandardHelpOptions = true,
        description = {"Group fairness of a saved model's decisions, output >= threshold on its",
            "output scale. Per group (the values of --sensitive; several columns give",
            "intersectional groups): count, selection_rate, mean_output, tpr, fpr,",
            "precision and auc; then demographic_parity_difference and _ratio,",
            "equalized_odds_difference, equal_opportunity_difference and the",
            "four-fifths rule. Undefined rates (an empty group, a group with one class)",
            "are NaN, explained in 'notes'. F.json is written once complete."})
public final class FairnessCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "model file written by 'train', or XGBoost .json, LightGBM .txt, ONNX .onnx")
    Path model;

    @picocli.CommandLine.Mixin
    ModelOptions modelOptions;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv",
            description = "rows to evaluate: the model's feature columns, the target and the sensitive columns")
    Path data;

    @Option(names = "--target", required = true, paramLabel = "COL",
            description = "the true label: the model's target levels, 0/1, or two values of which the larger is 1")
    String target;

    @Option(names = "--sensitive", required = true, split = ",", paramLabel = "COL",
            description = "sensitive column(s), comma separated; they need not be model features")
    List<String> sensitive;

    @Option(names = "--threshold", paramLabel = "T",
            description = "decision threshold on the model's output scale (default: 0.5 for a probability,"
                    + " 0 for log-odds, the same decision)")
    Double threshold;

    @Option(names = "--out", required = true, paramLabel = "F.json",
            description = "JSON file to write, once complete (replacing any previous one)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Outputs.checkFile("--out", out, model, data);
        Table table = Csv.read(data);
        ModelFile file = modelOptions.load(model, table);
        FairnessMetrics metrics = FairnessMetrics.of(file.model());
        if (threshold != null) {
            metrics = metrics.withThreshold(threshold);
        } else if (Double.isNaN(metrics.threshold())) {
            throw new UserError("the model's output (" + file.model().scale().label() + ") has no natural decision"
                    + " threshold: give --threshold T");
        }
        if (sensitive.contains(target)) {
            throw new UserError("--target " + target + " cannot also be a --sensitive column");
        }
        FairnessReport report = metrics.evaluate(table, file.features(), target, file.targetLevels(),
                sensitive.toArray(String[]::new));
        Map<String, Object> json = report.toMap();
        byte[] text = (new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting()
                .serializeSpecialFloatingPointValues().create().toJson(json) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(out, o -> o.write(text));
        var err = spec.commandLine().getErr();
        err.println(String.format(Locale.ROOT, "wrote %d groups to %s: demographic parity difference %.4f, ratio %.4f "
                        + "(%s the four-fifths rule)", report.groups().size(), out, report.demographicParityDifference(),
                report.demographicParityRatio(), Double.isNaN(report.demographicParityRatio()) ? "undefined for"
                        : report.passesFourFifthsRule() ? "passes" : "fails"));
        err.flush();
        return 0;
    }
}
