package org.foolshap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.foolshap.experiment.CalibrationFile;
import org.foolshap.experiment.CalibrationRow;
import org.foolshap.experiment.Plan;
import org.foolshap.experiment.Sensitivity;
import org.foolshap.experiment.ResultRow;
import org.foolshap.experiment.ResultsFile;
import org.foolshap.experiment.Study;
import org.foolshap.experiment.StudyListener;
import org.foolshap.experiment.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reproduce}: the paper's experiment grid (Laberge et al., ICLR 2023, Section 5 and Figure 5) in one command,
 * resumable, with results.csv, calibration.csv, figure5.png and a summary table. All the work is in
 * {@link Study}; this class parses options, shows progress and prints the summary.
 */
@Command(name = "reproduce", sortOptions = false,
        description = {"Reproduce the paper's experiments (Fool SHAP, Figure 5).",
                "For each dataset x model x seed: split (stratified 80/20), train on the",
                "training rows, honest SHAP on a uniform S_0' x S_1', coefficients",
                "Phi_s(S_0', z) for EVERY background row z, the lambda sweep (R audited",
                "draws per lambda), the Fool SHAP sample at lambda*, brute-force and",
                "genetic baselines with the sweep's time budget, and the final audit.",
                "When lambda* lands on an edge of the lambda grid, the run is repeated",
                "on a grid widened past that edge (--lambda-extensions); --lambda-preset",
                "official uses the official scripts' grid per configuration instead.",
                "The default grid is the paper's Figure 5: compas, adult, marketing,",
                "communities x rf, xgb (XGBoost), mlp (adult and",
                "compas only) x seeds 0-4 = 50 runs; models tuned by a random search",
                "(--tune 50, validation AUC); xgb explained exactly on the probability",
                "on adult and compas, by TreeSHAP on the log-odds elsewhere; the genetic",
                "baseline as published (--genetic published: population 10, 100",
                "generations).",
                "",
                "Writes to --out:",
                "  results.csv      one row per run: phi_s before/after, ranks, relative",
                "                   decrease per method and against the full",
                "                   background, lambda* and its grid, detection rate",
                "                   at lambda* (sweep and fresh draws), final audit,",
                "                   genetic generations and time, scale, explainer,",
                "                   hyperparameters, seconds",
                "  calibration.csv  false-positive rate of the audit on honest draws,",
                "                   per run, with a Wilson 95%% interval",
                "  figure5.png      relative decrease of |Phi_s| per dataset, by method",
                "  settings.json    the settings the rows depend on (M, R, alpha,",
                "                   lambdas, ...)",
                "Re-running with the same --out skips the runs already in results.csv,",
                "so an interrupted study resumes; with other settings than settings.json",
                "records it stops (exit 2) instead of mixing rows: use the recorded",
                "settings or a new --out. A dataset whose raw files are missing is",
                "skipped with the command that fetches it; the others still run.",
                "--lambdas takes lambda values (e.g. 0.316:100:20), --log10-lambdas",
                "their base-10 exponents (e.g. -0.5:2:20), as in 'attack'.",
                "",
                "Cost: see docs/EXPERIMENTS.md (the published genetic baseline, 1,500",
                "exact SHAP passes of 200 x 200 pairs, dominates the mlp and adult/compas",
                "xgb runs: tens of minutes to hours each on 2 cores; --mlp-background",
                "caps the mlp background; --tune 0 and --genetic fast are quicker, not",
                "the paper's). --sensitivity adds the M (100, 200, 400) x alpha (0.01,",
                "0.05) table for the first dataset (sensitivity.md).",
                "",
                "Example:",
                "  java -jar lib/target/foolshap.jar reproduce \\",
                "      --datasets adult,compas,communities --models rf,gbt --seeds 0-4 \\",
                "      --data-dir /data/foolshap --out results/",
                "Measured results and differences from the paper: docs/EXPERIMENTS.md.",
                ""})
final class ReproduceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** -h and -V listed last: the study options are ordered (to keep --out and --threads among them). */
    @Mixin
    OrderedHelpOptions help;

    /** Every option that shapes the study, shared with the Spark module's reproduce. */
    @Mixin
    StudyOptions options;

    @Option(names = "--out", order = 100, required = true, paramLabel = "DIR",
            description = "output directory (created)")
    Path out;

    @Option(names = "--threads", order = 110, defaultValue = "1", paramLabel = "N",
            description = "runs in parallel; each run's SHAP pass already uses every core (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--sensitivity", order = 180, description = "also run the first dataset for M in 100, 200, 400 x "
            + "alpha in 0.01, 0.05 (in sensitivity/ under --out) and write sensitivity.md")
    boolean sensitivity;

    @Override
    public Integer call() throws IOException {
        Outputs.checkFolder("--out", out);
        Study study = options.study().withThreads(threads);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResultsFile results = new ResultsFile(out.resolve("results.csv"));
        CalibrationFile calibration = new CalibrationFile(out.resolve("calibration.csv"));
        Study.Outcome outcome = run(study, results, calibration, err);
        if (sensitivity) {
            runSensitivity(o, err);
        }
        o.println(study + ", lambdas " + options.describeLambdas());
        o.printf(Locale.ROOT, "%d runs computed, %d resumed from %s, in %.0f s%n", outcome.ran(), outcome.resumed(),
                results.path(), outcome.seconds());
        for (Study.Skip s : outcome.skipped()) {
            o.println(s);
        }
        List<ResultRow> rows = outcome.rows();
        if (rows.isEmpty()) {
            o.println("no results: nothing to summarise");
            o.flush();
            return outcome.skipped().isEmpty() ? 0 : 2;
        }
        Path figure = Summary.writeFigure5(rows, out.resolve("figure5.png"));
        o.println();
        o.println("Medians over seeds (relative decrease of |Phi_s| [95% bootstrap interval]; detection rate at"
                + " lambda*):");
        o.print(Summary.table(Summary.byDatasetAndModel(rows)));
        o.print(Summary.table(Summary.byDataset(rows)).lines().skip(1).map(l -> l + "\n")
                .reduce("", String::concat));
        List<CalibrationRow> cal = Summary.pooledCalibration(calibration.read());
        if (!cal.isEmpty()) {
            o.println();
            o.println("Audit false-positive rate on honest draws (pooled over seeds, Wilson 95%):");
            for (CalibrationRow c : cal) {
                o.printf(Locale.ROOT, "%-15s %-5s %5.1f%% [%4.1f%%, %4.1f%%] of %d draws (significance %.3g)%n",
                        c.dataset(), c.model(), 100 * c.rate(), 100 * c.low(), 100 * c.high(), c.draws(),
                        c.significance());
            }
        }
        List<String> failures = Summary.acceptanceFailures(rows);
        o.println();
        o.println(failures.isEmpty() ? "acceptance: passed (Fool SHAP beats brute force on every dataset; detection"
                + " rate <= 10% on every row)" : "acceptance: FAILED");
        failures.forEach(f -> o.println("  " + f));
        o.println("wrote " + results.path() + ", " + calibration.path() + ", " + figure);
        o.flush();
        return 0;
    }

    /** Plans (refusing, in one line, a folder whose rows were made with other settings) and executes. */
    private Study.Outcome run(Study study, ResultsFile results, CalibrationFile calibration, PrintWriter err)
            throws IOException {
        Plan plan;
        try {
            plan = study.plan(results, calibration);
        } catch (Study.SettingsChanged e) {
            throw new UserError(StudyOptions.settingsMessage(e, results.path().getParent()));
        }
        Study.Outcome outcome;
        try (TerminalProgress bars = new TerminalProgress()) {
            outcome = study.execute(plan, new Listener(bars, err));
        }
        err.flush();
        return outcome;
    }

    /** The first dataset at every M x alpha of the sensitivity table, each in its own resumable folder. */
    private void runSensitivity(PrintWriter o, PrintWriter err) throws IOException {
        String first = options.firstDataset();
        java.util.Map<String, List<ResultRow>> cells = new java.util.LinkedHashMap<>();
        for (int mm : Sensitivity.MS) {
            for (double a : Sensitivity.ALPHAS) {
                Study s = options.study(mm, a).withThreads(threads).withDatasets(List.of(first)).withCalibrationDraws(0);
                Path folder = out.resolve("sensitivity").resolve(Sensitivity.folder(mm, a));
                cells.put(Sensitivity.label(mm, a), run(s, new ResultsFile(folder.resolve("results.csv")), null, err)
                        .rows());
            }
        }
        Path md = out.resolve("sensitivity.md");
        String table = Sensitivity.markdown(first, cells);
        org.foolshap.AtomicFiles.write(md, w -> w.write(table.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        o.println();
        o.print(table);
        o.println("wrote " + md);
    }

    /** Prefixes each stage with the overall position and ETA, and logs finished runs. */
    static final class Listener implements StudyListener {
        private final TerminalProgress bars;
        private final PrintWriter err;
        private final long start = System.nanoTime();
        private volatile int total;
        private volatile int done;
        /**
         * The ETA as of the last finished run (time per finished run times the runs left). Fixed between runs: the
         * stage's label must not change while it runs, or the progress display takes every update for a new stage.
         */
        private volatile String eta = "";

        Listener(TerminalProgress bars, PrintWriter err) {
            this.bars = bars;
            this.err = err;
        }

        @Override
        public void update(String stage, long d, long t) {
            bars.update(String.format(Locale.ROOT, "[%d/%d%s] %s", Math.min(done + 1, total), total, eta, stage),
                    d, t);
        }

        @Override
        public void planned(int toRun, int resumed) {
            total = toRun;
            synchronized (this) {
                err.printf(Locale.ROOT, "%d runs to do, %d already in results.csv%n", toRun, resumed);
                err.flush();
            }
        }

        @Override
        public synchronized void skipped(Study.Skip skip) {
            err.println(skip);
            err.flush();
        }

        @Override
        public synchronized void finished(ResultRow row, int d, int t) {
            done = d;
            eta = d > 0 && d < t ? ", ETA " + duration((System.nanoTime() - start) / 1e9 / d * (t - d)) : "";
            if (row != null) {
                err.printf(Locale.ROOT, "[%d/%d] %s: |phi_s| %.4g -> %.4g (%.0f%% decrease; brute %.0f%%, genetic"
                                + " %.0f%%), detection %.0f%%, final audit %s, %.0f s; elapsed %s%s%n", d, t,
                        row.key(), Math.abs(row.phiBefore()), Math.abs(row.phiFoolShap()),
                        100 * row.decreaseFoolShap(), 100 * row.decreaseBrute(), 100 * row.decreaseGenetic(),
                        100 * row.detectionRate(), row.detectedFinal() ? "DETECTED" : "passed", row.seconds(),
                        duration((System.nanoTime() - start) / 1e9), d < t ? ", ETA " + duration(
                                (System.nanoTime() - start) / 1e9 / d * (t - d)) : "");
                err.flush();
            }
        }

        private static String duration(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                    : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
    }
}
