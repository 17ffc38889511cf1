package org.foolshap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.foolshap.attack.FoolShap;
import org.foolshap.audit.Protocol;
import org.foolshap.experiment.CalibrationFile;
import org.foolshap.experiment.CalibrationRow;
import org.foolshap.experiment.Plan;
import org.foolshap.experiment.Ranges;
import org.foolshap.experiment.ResultRow;
import org.foolshap.experiment.ResultsFile;
import org.foolshap.experiment.Study;
import org.foolshap.experiment.StudyListener;
import org.foolshap.experiment.Summary;
import org.foolshap.model.ModelKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reproduce}: the paper's experiment grid (Laberge et al., ICLR 2023, Section 5 and Figure 5) in one command,
 * resumable, with results.csv, calibration.csv, figure5.png and a summary table. All the work is in
 * {@link Study}; this class parses options, shows progress and prints the summary.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reproduce the paper's experiments (Fool SHAP, Figure 5).",
                "For each dataset x model x seed: split (stratified 80/20), train on the",
                "training rows, honest SHAP on a uniform S_0' x S_1', coefficients",
                "Phi_s(S_0', z) for EVERY background row z, the lambda sweep (R audited",
                "draws per lambda), the Fool SHAP sample at lambda*, brute-force and",
                "genetic baselines with the sweep's time budget, and the final audit.",
                "When lambda* lands on an edge of the lambda grid, the run is repeated",
                "on a grid widened past that edge (--lambda-extensions).",
                "",
                "Writes to --out:",
                "  results.csv      one row per run: phi_s before/after, ranks, relative",
                "                   decrease per method, lambda*, detection rate at",
                "                   lambda*, final audit, seconds",
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
                "Cost on 2 cores: 20-40 s per Adult run, 10-20 s per COMPAS or",
                "Communities run; the acceptance grid (adult, compas, communities x",
                "rf, gbt x 5 seeds) took 9 minutes. MLPs use exact SHAP on a background",
                "capped by --mlp-background; datasets with more than 16 features skip",
                "mlp.",
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

    @Option(names = "--datasets", defaultValue = "adult,compas,communities,marketing,default_credit",
            paramLabel = "LIST", description = "comma-separated datasets (default: ${DEFAULT-VALUE})")
    String datasets;

    @Option(names = "--models", defaultValue = "rf,gbt,mlp", paramLabel = "LIST",
            description = "comma-separated models: rf, gbt, mlp, tree, logistic, xgb (default: ${DEFAULT-VALUE})")
    String models;

    @Option(names = "--seeds", defaultValue = "0-4", paramLabel = "SEEDS",
            description = "split/training/attack seeds, e.g. 0-4 or 0,2,5 (default: ${DEFAULT-VALUE})")
    String seeds;

    @Option(names = "--m", defaultValue = "200", paramLabel = "M",
            description = "size of S_0' and S_1' shown to the auditor (default: ${DEFAULT-VALUE})")
    int m;

    @Option(names = "--repeats", defaultValue = "100", paramLabel = "R",
            description = "audited draws per lambda in the sweep (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--significance", defaultValue = "0.05", paramLabel = "ALPHA",
            description = "the auditor's total level, Bonferroni over its 6 tests (default: ${DEFAULT-VALUE})")
    double significance;

    @Mixin
    LambdaOptions lambdas;

    @Option(names = "--lambda-extensions", defaultValue = "2", paramLabel = "N",
            description = "times a run may widen the grid past the edge lambda* lands on; 0 = the fixed grid "
                    + "(default: ${DEFAULT-VALUE})")
    int lambdaExtensions;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "directory with the raw files (or <dataset>/ subfolders); default: $FOOLSHAP_DATA, "
                    + "then the cache filled by 'fetch'")
    Path dataDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (created)")
    Path out;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "runs in parallel; each run's SHAP pass already uses every core (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--mlp-background", defaultValue = "1000", paramLabel = "ROWS",
            description = "background rows kept for mlp runs, whose exact SHAP costs 2^d calls per pair "
                    + "(default: ${DEFAULT-VALUE})")
    int mlpBackground;

    @Option(names = "--calibration-draws", defaultValue = "1000", paramLabel = "N",
            description = "honest draws audited per run for calibration.csv, 0 = none (default: ${DEFAULT-VALUE})")
    int calibrationDraws;

    @Override
    public Integer call() throws IOException {
        Outputs.checkFolder("--out", out);
        Protocol protocol = Protocol.paper().withM(m).withRepeats(repeats).withSignificance(significance);
        FoolShap attack = FoolShap.withDefaults().withProtocol(protocol).withLambdas(lambdas.grid());
        Study study = Study.withDefaults().withDatasets(Ranges.names(datasets))
                .withModels(Ranges.names(models).stream().map(ModelKind::parse).toList())
                .withSeeds(Ranges.seeds(seeds)).withAttack(attack)
                .withLambdaExtensions(lambdaExtensions).withDataDir(dataDir).withThreads(threads)
                .withMlpBackground(mlpBackground).withCalibrationDraws(calibrationDraws);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResultsFile results = new ResultsFile(out.resolve("results.csv"));
        CalibrationFile calibration = new CalibrationFile(out.resolve("calibration.csv"));
        Plan plan;
        try {
            plan = study.plan(results, calibration);
        } catch (Study.SettingsChanged e) {
            throw new UserError(settingsMessage(e));
        }
        Study.Outcome outcome;
        try (TerminalProgress bars = new TerminalProgress()) {
            outcome = study.execute(plan, new Listener(bars, err));
        }
        err.flush();
        o.println(study + ", lambdas " + lambdas.describe());
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
        o.println("Medians over seeds (relative decrease of |Phi_s|; detection rate at lambda*):");
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

    /** The library's refusal to mix settings, in this command's option names. */
    private String settingsMessage(Study.SettingsChanged e) {
        if (e.changes().stream().anyMatch(c -> c.recorded() == null)) {
            return "--out " + out + " holds results without a settings.json (written by an older version), so "
                    + "resuming could mix settings; choose a new --out";
        }
        StringBuilder b = new StringBuilder("--out " + out + " holds results computed with other settings: ");
        List<String> old = new java.util.ArrayList<>();
        for (Study.SettingsChanged.Change c : e.changes()) {
            String option = OPTIONS.getOrDefault(c.setting(), c.setting());
            b.append(old.isEmpty() ? "" : ", ").append(option).append(' ').append(c.recorded()).append(" (now ")
                    .append(c.now()).append(')');
            old.add(option + " " + c.recorded());
        }
        return b.append("; resume with ").append(String.join(" ", old)).append(", or choose a new --out").toString();
    }

    private static final java.util.Map<String, String> OPTIONS = java.util.Map.of("m", "--m", "repeats",
            "--repeats", "significance", "--significance", "lambdas", "--lambdas", "lambda_extensions",
            "--lambda-extensions", "mlp_background", "--mlp-background", "calibration_draws", "--calibration-draws");

    /** Prefixes each stage with the overall position and ETA, and logs finished runs. */
    private static final class Listener implements StudyListener {
        private final TerminalProgress bars;
        private final PrintWriter err;
        private final long start = System.nanoTime();
        private volatile int total;
        private volatile int done;
        private volatile long lastFinish;

        Listener(TerminalProgress bars, PrintWriter err) {
            this.bars = bars;
            this.err = err;
        }

        @Override
        public void update(String stage, long d, long t) {
            bars.update(String.format(Locale.ROOT, "[%d/%d%s] %s", Math.min(done + 1, total), total, eta(), stage),
                    d, t);
        }

        private String eta() {
            if (done == 0) {
                return "";
            }
            // time per finished run so far, minus what the current run has already spent
            double perRun = (lastFinish - start) / 1e9 / done;
            double left = perRun * (total - done) - (System.nanoTime() - lastFinish) / 1e9;
            return ", ETA " + duration(Math.max(0, left));
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
            lastFinish = System.nanoTime();
            done = d;
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
