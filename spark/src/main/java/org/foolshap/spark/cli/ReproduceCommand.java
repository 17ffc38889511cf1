package org.foolshap.spark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.foolshap.cli.StudyOptions;
import org.foolshap.cli.UserError;
import org.foolshap.experiment.CalibrationFile;
import org.foolshap.experiment.CalibrationRow;
import org.foolshap.experiment.Plan;
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
@Command(name = "reproduce", sortOptions = false,
        description = {"The paper's experiment grid as 'foolshap.jar reproduce', each dataset x model",
                "x seed run one Spark task; the driver plans (resuming what results.csv holds)",
                "and writes results.csv, calibration.csv, settings.json and figure5.png in",
                "--out. The rows equal those of foolshap.jar reproduce with the same options,",
                "up to the seconds column and the brute-force and genetic baselines, which",
                "search within a wall-time budget (--no-baselines skips them). The study",
                "options are the library's (--threads and --sensitivity aside: the cluster",
                "decides); --data-dir must be readable by every executor. Resuming into an",
                "--out whose settings.json records other settings stops (exit 2) before",
                "Spark starts.", ""})
final class ReproduceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SparkOptions sparkOptions;

    /** -h and -V listed last, as in the library's reproduce. */
    @Mixin
    org.foolshap.cli.OrderedHelpOptions help;

    /** The library reproduce's study options, one definition for both commands. */
    @Mixin
    StudyOptions options;

    @Option(names = "--out", order = 100, required = true, paramLabel = "DIR",
            description = "output directory (created)")
    Path out;

    /** The study these options describe; unset options keep the library's defaults (the paper's grid). */
    StudySpec studySpec() {
        return new StudySpec(options);
    }

    @Override
    public Integer call() throws Exception {
        StudySpec s = studySpec();
        java.nio.file.Files.createDirectories(out);
        ResultsFile results = new ResultsFile(out.resolve("results.csv"));
        CalibrationFile calibration = new CalibrationFile(out.resolve("calibration.csv"));
        PrintWriter o = spec.commandLine().getOut();
        SparkStudy job = SparkStudy.of(s);
        Plan plan;
        try {
            plan = job.plan(results, calibration); // on the driver, before Spark starts: a refusal costs no session
        } catch (Study.SettingsChanged e) {
            throw new UserError(StudyOptions.settingsMessage(e, out));
        }
        Study.Outcome outcome;
        SparkSession spark = sparkOptions.session();
        try {
            outcome = job.execute(spark, plan);
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
}
