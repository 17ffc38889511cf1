package org.foolshap.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.foolshap.AtomicFiles;
import org.foolshap.data.Csv;
import org.foolshap.model.ModelFile;
import org.foolshap.shap.Attributions;
import org.foolshap.shap.Explainer;
import org.foolshap.shap.Explainers;
import org.foolshap.shap.GlobalShap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code explain}: global SHAP of a saved model over a foreground and a background CSV. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Baseline SHAP of a saved model: Phi_i = mean over x in FG, z in BG of phi_i(f, x, z),",
            "with a confidence interval, one row per feature (feature,phi,ci_half_width).",
            "With --per-pair: one row per (fg, bg) pair of 0-based row indices, one column per feature.",
            "Columns of FG/BG that the model does not use (e.g. the target) are ignored.",
            "OUT.csv is written once the result is complete, replacing any previous one."})
final class ExplainCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "model file written by 'train', or XGBoost .json, LightGBM .txt, ONNX .onnx")
    Path model;

    @picocli.CommandLine.Mixin
    ModelOptions modelOptions;

    @Option(names = "--foreground", required = true, paramLabel = "FG.csv", description = "foreground rows (x)")
    Path foreground;

    @Option(names = "--background", required = true, paramLabel = "BG.csv", description = "background rows (z)")
    Path background;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "where to write the result")
    Path out;

    @Option(names = "--method", defaultValue = "auto", paramLabel = "METHOD",
            description = "auto (TreeSHAP for trees, else exact), exact, tree, permutation or kernel (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--per-pair", description = "write phi_i(f, x, z) for every pair instead of the global values")
    boolean perPair;

    @Option(names = "--local",
            description = "one row per foreground row: row,<phi_i(x) averaged over all of BG>,base_value")
    boolean local;

    @Option(names = "--confidence", defaultValue = "0.95", description = "confidence level of the intervals (default: ${DEFAULT-VALUE})")
    double confidence;

    @Override
    public Integer call() throws IOException {
        if (local) {
            if (perPair) {
                throw new UserError("--local and --per-pair exclude each other");
            }
            try (TerminalProgress progress = new TerminalProgress()) {
                LocalExplanationCsv.write(model, modelOptions, foreground, background, method, out, progress);
            }
            return 0;
        }
        Outputs.checkFile("--out", out, model, foreground, background);
        tech.tablesaw.api.Table fgTable = Csv.read(foreground);
        ModelFile file = modelOptions.load(model, fgTable);
        Explainer explainer = Explainers.byName(method, file.model());
        double[][] fg = file.features().encode(fgTable);
        double[][] bg = file.features().encode(Csv.read(background));
        GroupedData.outputs(file, fg, model, foreground);
        GroupedData.outputs(file, bg, model, background);
        List<String> names = file.features().names();
        double[][][] pairs = null;
        Attributions global = null;
        try (TerminalProgress progress = new TerminalProgress()) {
            if (perPair) {
                pairs = explainer.pairs(fg, bg, progress);
            } else {
                global = GlobalShap.of(explainer).withNames(names).withConfidence(confidence)
                        .withProgress(progress).explain(fg, bg);
            }
        }
        // computed first, written last and atomically: a failure or Ctrl-C leaves the previous OUT.csv
        double[][][] t = pairs;
        Attributions result = global;
        AtomicFiles.write(out, o -> {
            var w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8));
            if (t != null) {
                w.write("fg,bg," + String.join(",", names.stream().map(Tables::quote).toList()));
                w.newLine();
                for (int a = 0; a < t.length; a++) {
                    for (int b = 0; b < t[a].length; b++) {
                        StringBuilder line = new StringBuilder().append(a).append(',').append(b);
                        for (double v : t[a][b]) {
                            line.append(',').append(v);
                        }
                        w.write(line.toString());
                        w.newLine();
                    }
                }
            } else {
                w.write("feature,phi,ci_half_width");
                w.newLine();
                for (int i = 0; i < names.size(); i++) {
                    w.write(Tables.quote(names.get(i)) + "," + result.values()[i] + "," + result.halfWidths()[i]);
                    w.newLine();
                }
            }
            w.flush();
        });
        return 0;
    }
}
