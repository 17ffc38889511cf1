package org.foolshap.spark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.foolshap.attack.LambdaGrid;
import org.foolshap.experiment.CalibrationFile;
import org.foolshap.experiment.CalibrationRow;
import org.foolshap.experiment.Ranges;
import org.foolshap.experiment.ResultRow;
import org.foolshap.experiment.ResultsFile;
import org.foolshap.experiment.Study;
import org.foolshap.experiment.Summary;
import org.foolshap.spark.SparkStudy;
import org.foolshap.spark.StudySpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reproduce}: the library's experiment grid with each (dataset, model, seed) run one Spark task. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The paper's experiment grid as 'foolshap.jar reproduce', each dataset x model x seed",
                "run one Spark task; the driver plans (resuming what results.csv holds) and writes",
                "results.csv, calibration.csv, settings.json and figure5.png in --out. The rows equal",
                "those of foolshap.jar reproduce with the same options, up to the seconds column and the",
                "brute-force and genetic baselines, which search within a wall-time budget.",
                "--data-dir must be readable by every executor."})
final class ReproduceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SparkOptions sparkOptions;

    @Option(names = "--datasets", defaultValue = "compas,adult,marketing,communities",
            paramLabel = "LIST", description = "comma-separated datasets (default: ${DEFAULT-VALUE}, the paper's)")
    String datasets;

    @Option(names = "--models", paramLabel = "LIST",
            description = "comma-separated models: rf, xgb, gbt, mlp, tree, logistic (default: the paper's rf, xgb "
                    + "(XGBoost) and mlp, mlp on adult and compas only)")
    String models;

    @Option(names = "--seeds", defaultValue = "0-4", paramLabel = "SEEDS",
            description = "split/training/attack seeds, e.g. 0-4 or 0,2,5 (default: ${DEFAULT-VALUE})")
    String seeds;

    @Option(names = "--m", defaultValue = "200", paramLabel = "M", description = "size of S_0' and S_1' (default: ${DEFAULT-VALUE})")
    int m;

    @Option(names = "--repeats", defaultValue = "100", paramLabel = "R",
            description = "audited draws per lambda in the sweep (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--significance", defaultValue = "0.05", paramLabel = "ALPHA",
            description = "the auditor's total level (default: ${DEFAULT-VALUE})")
    double significance;

    @Option(names = "--lambdas", paramLabel = "LO:HI:STEPS", description = "lambda values, log-spaced, e.g. 0.316:100:20")
    String lambdaValues;

    @Option(names = "--log10-lambdas", paramLabel = "LO:HI:STEPS", description = "the grid by base-10 exponents, e.g. -0.5:2:20")
    String lambdaExponents;

    @Option(names = "--lambda-extensions", defaultValue = "2", paramLabel = "N",
            description = "times a run may widen the grid past the edge lambda* lands on (default: ${DEFAULT-VALUE})")
    int lambdaExtensions;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "raw files, readable by every executor; default: "
            + "$FOOLSHAP_DATA, then the cache filled by 'fetch'")
    Path dataDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (created)")
    Path out;

    @Option(names = "--mlp-background", defaultValue = "0", paramLabel = "ROWS",
            description = "background rows kept for mlp runs; 0 = the full background, as the paper "
                    + "(default: ${DEFAULT-VALUE})")
    int mlpBackground;

    @Option(names = "--tune", defaultValue = "50", paramLabel = "N",
            description = "random-search iterations per model (validation AUC), 0 = default hyperparameters "
                    + "(default: ${DEFAULT-VALUE}, the paper's)")
    int tune;

    @Option(names = "--calibration-draws", defaultValue = "1000", paramLabel = "N",
            description = "honest draws audited per run for calibration.csv, 0 = none (default: ${DEFAULT-VALUE})")
    int calibrationDraws;

    /** The study these options describe; unset options keep the library's defaults (the paper's grid). */
    StudySpec spec() {
        LambdaGrid grid = grid();
        List<String> modelIds = models == null
                ? StudySpec.paper().models() : Ranges.names(models);
        return new StudySpec(Ranges.names(datasets), modelIds, Ranges.seeds(seeds), m, repeats,
                significance, new double[] {grid.lo(), grid.hi(), grid.steps()}, lambdaExtensions, true,
                dataDir == null ? null : dataDir.toAbsolutePath().toString(), mlpBackground, calibrationDraws, tune);
    }

    @Override
    public Integer call() throws Exception {
        StudySpec s = spec();
        java.nio.file.Files.createDirectories(out);
        ResultsFile results = new ResultsFile(out.resolve("results.csv"));
        CalibrationFile calibration = new CalibrationFile(out.resolve("calibration.csv"));
        PrintWriter o = spec.commandLine().getOut();
        Study.Outcome outcome;
        SparkSession spark = sparkOptions.session();
        try {
            outcome = SparkStudy.of(s).execute(spark, results, calibration);
        } finally {
            spark.stop();
        }
        o.printf(Locale.ROOT, "%s on Spark: %d runs computed, %d resumed from %s, in %.0f s%n", s.study(),
                outcome.ran(), outcome.resumed(), results.path(), outcome.seconds());
        outcome.skipped().forEach(o::println);
        List<ResultRow> rows = outcome.rows();
        if (rows.isEmpty()) {
            o.println("no results: nothing to summarise");
            o.flush();
            return outcome.skipped().isEmpty() ? 0 : 2;
        }
        Path figure = Summary.writeFigure5(rows, out.resolve("figure5.png"));
        o.println();
        o.println("Medians over seeds (relative decrease of |Phi_s|; detection rate at lambda*):");
        o.print(Summary.table(Summary.byDatasetAndModel(rows)));
        List<CalibrationRow> cal = Summary.pooledCalibration(calibration.read());
        for (CalibrationRow c : cal) {
            o.printf(Locale.ROOT, "false positives %-15s %-5s %5.1f%% [%4.1f%%, %4.1f%%] of %d honest draws%n",
                    c.dataset(), c.model(), 100 * c.rate(), 100 * c.low(), 100 * c.high(), c.draws());
        }
        o.println("wrote " + results.path() + ", " + calibration.path() + ", " + figure);
        o.flush();
        return 0;
    }

    /** The library's two conventions: --lambdas in values, --log10-lambdas in exponents; the paper's grid by default. */
    private LambdaGrid grid() {
        if (lambdaValues != null && lambdaExponents != null) {
            throw new UserError("give --lambdas (values) or --log10-lambdas (exponents), not both");
        }
        if (lambdaExponents != null) {
            return LambdaGrid.parse(lambdaExponents);
        }
        if (lambdaValues == null) {
            return LambdaGrid.paper();
        }
        String[] p = lambdaValues.split(":");
        try {
            double lo = Double.parseDouble(p[0]);
            double hi = Double.parseDouble(p[1]);
            if (p.length != 3 || !(lo > 0) || !(hi >= lo)) {
                throw new NumberFormatException();
            }
            return new LambdaGrid(Math.log10(lo), Math.log10(hi), Integer.parseInt(p[2]));
        } catch (RuntimeException e) {
            throw new UserError("--lambdas '" + lambdaValues + "' is not LO:HI:STEPS with 0 < LO <= HI, e.g. "
                    + "0.316:100:20 (base-10 exponents: --log10-lambdas)");
        }
    }
}
