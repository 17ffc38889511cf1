package org.foolshap.cli;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.foolshap.attack.FoolShap;
import org.foolshap.audit.Protocol;
import org.foolshap.experiment.Ranges;
import org.foolshap.experiment.Study;
import org.foolshap.model.ModelKind;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Every option that shapes a {@link Study} (Laberge et al., ICLR 2023, Section 5): the one definition that the
 * library's {@code reproduce} and the Spark module's {@code reproduce} mix in, so the two cannot drift apart.
 * Command-specific options (--out, --threads, --sensitivity, Spark's master) stay in the commands.
 *
 * <p>Serializable, with only String, int, double and boolean fields (the lambda grid as given, parsed by
 * {@link LambdaOptions}), so a Spark job ships it to its executors, each of which rebuilds the same study ({@link #study()}).
 * Built by picocli (as a mixin, or by {@link #parse}), never by hand: its defaults are the annotations'.
 *
 * <p>The {@code order} attributes keep the library's --help order, where --out and --threads sit between
 * --data-dir and --mlp-background and --sensitivity before --calibration-draws (a mixin's options are otherwise
 * listed together); the commands' own options take the orders in between.
 */
public final class StudyOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    @Option(names = "--datasets", order = 10, defaultValue = "compas,adult,marketing,communities",
            paramLabel = "LIST", description = "comma-separated datasets (default: ${DEFAULT-VALUE})")
    String datasets;

    @Option(names = "--models", order = 20, paramLabel = "LIST",
            description = "comma-separated models: rf, xgb, gbt, mlp, tree, logistic (default: the paper's rf, xgb "
                    + "(XGBoost) and mlp)")
    String models;

    @Option(names = "--seeds", order = 30, defaultValue = "0-4", paramLabel = "SEEDS",
            description = "split/training/attack seeds, e.g. 0-4 or 0,2,5 (default: ${DEFAULT-VALUE})")
    String seeds;

    @Option(names = "--m", order = 40, defaultValue = "200", paramLabel = "M",
            description = "size of S_0' and S_1' shown to the auditor (default: ${DEFAULT-VALUE})")
    int m;

    @Option(names = "--repeats", order = 50, defaultValue = "100", paramLabel = "R",
            description = "audited draws per lambda in the sweep (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--significance", order = 60, defaultValue = "0.05", paramLabel = "ALPHA",
            description = "the auditor's total level, Bonferroni over its 6 tests (default: ${DEFAULT-VALUE})")
    double significance;

    /**
     * attack's --lambdas and --log10-lambdas, read by {@link LambdaOptions}; declared here rather than mixed in
     * because these need an order and attack's (declaration-ordered) help must not get one.
     */
    @Option(names = "--lambdas", order = 70, paramLabel = "LO:HI:STEPS", description = LambdaOptions.VALUES_HELP)
    String lambdaValues;

    @Option(names = "--log10-lambdas", order = 71, paramLabel = "LO:HI:STEPS",
            description = LambdaOptions.EXPONENTS_HELP)
    String lambdaExponents;

    @Option(names = "--lambda-extensions", order = 80, defaultValue = "2", paramLabel = "N",
            description = "times a run may widen the grid past the edge lambda* lands on; 0 = the fixed grid "
                    + "(default: ${DEFAULT-VALUE})")
    int lambdaExtensions;

    /** A String, not a Path: Path is not serializable. */
    @Option(names = "--data-dir", order = 90, paramLabel = "DIR",
            description = "directory with the raw files (or <dataset>/ subfolders); default: $FOOLSHAP_DATA, "
                    + "then the cache filled by 'fetch'")
    String dataDir;

    @Option(names = "--mlp-background", order = 120, defaultValue = "0", paramLabel = "ROWS",
            description = "background rows kept for mlp runs, whose exact SHAP costs 2^d calls per pair; 0 = the full "
                    + "background, as the paper (default: ${DEFAULT-VALUE})")
    int mlpBackground;

    @Option(names = "--tune", order = 130, defaultValue = "50", paramLabel = "N",
            description = "random-search iterations per model (validation AUC), 0 = default hyperparameters "
                    + "(default: ${DEFAULT-VALUE}, the paper's)")
    int tune;

    @Option(names = "--genetic", order = 140, defaultValue = "published", paramLabel = "SETTING",
            description = "genetic baseline: published (population 10, 100 generations, stop after 10 consecutive "
                    + "detections) or fast (the same stopped after the sweep's time; not the paper's) "
                    + "(default: ${DEFAULT-VALUE})")
    String genetic;

    @Option(names = "--baselines", order = 145, negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "run the brute-force and genetic baselines (default); --no-baselines skips them (their "
                    + "results depend on wall time, so rows with them are not reproducible to the digit)")
    boolean baselines;

    @Option(names = "--fresh-draws", order = 150, defaultValue = "1000", paramLabel = "N",
            description = "fresh draws re-estimating the detection rate at lambda* (default: ${DEFAULT-VALUE})")
    int freshDraws;

    @Option(names = "--lambda-preset", order = 160, defaultValue = "study", paramLabel = "PRESET",
            description = "study (the --lambdas grid, widened at its edges) or official (the official scripts' grid "
                    + "per configuration where they set one) (default: ${DEFAULT-VALUE})")
    String lambdaPreset;

    @Option(names = "--all-pairs", order = 170, description = "also run the pairs the paper's Figure 5 leaves out "
            + "(mlp on marketing and communities)")
    boolean allPairs;

    @Option(names = "--calibration-draws", order = 190, defaultValue = "1000", paramLabel = "N",
            description = "honest draws audited per run for calibration.csv, 0 = none (default: ${DEFAULT-VALUE})")
    int calibrationDraws;

    /** Made by picocli (a command's mixin) or {@link #parse}, which fill in the defaults. */
    private StudyOptions() {
    }

    /**
     * The options in {@code args} (e.g. {@code "--datasets", "compas", "--no-baselines"}), the others at their
     * defaults; {@code parse()} gives the paper's study.
     *
     * @throws UserError with picocli's one-line message for an unknown option or a malformed value, or this class's
     *                   for a value outside its choices (e.g. --genetic slow)
     */
    public static StudyOptions parse(String... args) {
        StudyOptions o = new StudyOptions();
        try {
            new CommandLine(o).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new UserError(firstLine(e.getMessage()));
        }
        o.validate();
        return o;
    }

    /**
     * The choices picocli cannot check by type, and the lambda grid, as one-line errors naming the option (the
     * library's own setters check the numbers, e.g. a negative --m, with IllegalArgumentException).
     */
    public void validate() {
        if (!genetic.equals("published") && !genetic.equals("fast")) {
            throw new UserError("--genetic must be published or fast, got '" + genetic + "'");
        }
        if (!lambdaPreset.equals("study") && !lambdaPreset.equals("official")) {
            throw new UserError("--lambda-preset must be study or official, got '" + lambdaPreset + "'");
        }
        lambdas().grid();
    }

    /** The study these options describe (one thread; a command sets its own). */
    public Study study() {
        return study(m, significance);
    }

    /** The study these options describe at sample size {@code m} and level {@code alpha} (the sensitivity table). */
    public Study study(int m, double alpha) {
        validate();
        Protocol protocol = Protocol.paper().withM(m).withRepeats(repeats).withSignificance(alpha);
        FoolShap attack = FoolShap.withDefaults().withProtocol(protocol).withLambdas(lambdas().grid())
                .withFastGenetic(genetic.equals("fast")).withBaselines(baselines);
        return Study.withDefaults().withDatasets(Ranges.names(datasets))
                .withModels(models == null ? Study.withDefaults().models()
                        : Ranges.names(models).stream().map(ModelKind::parse).toList())
                .withSeeds(Ranges.seeds(seeds)).withAttack(attack)
                .withLambdaExtensions(lambdaExtensions).withDataDir(dataDir == null ? null : Path.of(dataDir))
                .withMlpBackground(mlpBackground).withCalibrationDraws(calibrationDraws).withTuning(tune)
                .withFreshDraws(freshDraws).withOfficialLambdas(lambdaPreset.equals("official"))
                .withPaperModels(!allPairs);
    }

    private LambdaOptions lambdas() {
        return LambdaOptions.of(lambdaValues, lambdaExponents);
    }

    /** The first dataset named by --datasets (the sensitivity table's). */
    public String firstDataset() {
        return Ranges.names(datasets).get(0);
    }

    /** How the lambda grid was given, for summaries. */
    public String describeLambdas() {
        return lambdas().describe();
    }

    /**
     * A copy whose --data-dir is absolute, resolved against this JVM's working directory: for a job whose tasks
     * run in other processes (Spark executors), where a relative folder would name another place.
     */
    public StudyOptions withAbsoluteDataDir() {
        StudyOptions c = copy();
        c.dataDir = dataDir == null ? null : Path.of(dataDir).toAbsolutePath().toString();
        return c;
    }

    private StudyOptions copy() {
        StudyOptions c = new StudyOptions();
        c.datasets = datasets;
        c.models = models;
        c.seeds = seeds;
        c.m = m;
        c.repeats = repeats;
        c.significance = significance;
        c.lambdaValues = lambdaValues;
        c.lambdaExponents = lambdaExponents;
        c.lambdaExtensions = lambdaExtensions;
        c.dataDir = dataDir;
        c.mlpBackground = mlpBackground;
        c.tune = tune;
        c.genetic = genetic;
        c.baselines = baselines;
        c.freshDraws = freshDraws;
        c.lambdaPreset = lambdaPreset;
        c.allPairs = allPairs;
        c.calibrationDraws = calibrationDraws;
        return c;
    }

    /**
     * The library's refusal to mix settings ({@link Study.SettingsChanged}) in the reproduce commands' option names,
     * as one line: each changed option with its recorded and current value, and the options to resume with.
     *
     * @param out the folder given as --out
     */
    public static String settingsMessage(Study.SettingsChanged e, Path out) {
        if (e.changes().stream().anyMatch(c -> c.recorded() == null)) {
            return "--out " + out + " holds results without a settings.json (written by an older version), so "
                    + "resuming could mix settings; choose a new --out";
        }
        StringBuilder b = new StringBuilder("--out " + out + " holds results computed with other settings: ");
        List<String> old = new ArrayList<>();
        for (Study.SettingsChanged.Change c : e.changes()) {
            String option = OPTIONS.getOrDefault(c.setting(), c.setting());
            b.append(old.isEmpty() ? "" : ", ").append(option).append(' ').append(c.recorded()).append(" (now ")
                    .append(c.now()).append(')');
            old.add(option + " " + c.recorded());
        }
        return b.append("; resume with ").append(String.join(" ", old)).append(", or choose a new --out").toString();
    }

    /** settings.json's names ({@link Study#settings()}) -> the option that sets each; the others keep their name. */
    public static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("m", "--m"), Map.entry("repeats", "--repeats"),
            Map.entry("significance", "--significance"), Map.entry("lambdas", "--lambdas"),
            Map.entry("lambda_extensions", "--lambda-extensions"),
            Map.entry("mlp_background", "--mlp-background"),
            Map.entry("calibration_draws", "--calibration-draws"), Map.entry("genetic", "--genetic"),
            Map.entry("tuning", "--tune"), Map.entry("fresh_draws", "--fresh-draws"),
            Map.entry("official_lambdas", "--lambda-preset official"),
            Map.entry("paper_models", "--all-pairs (paper_models)"),
            Map.entry("baselines", "--no-baselines (baselines)"));

    private static String firstLine(String message) {
        String m = message == null ? "bad option" : message.strip();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl).strip() : m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StudyOptions s && Objects.equals(datasets, s.datasets) && Objects.equals(models, s.models)
                && Objects.equals(seeds, s.seeds) && m == s.m && repeats == s.repeats
                && Double.compare(significance, s.significance) == 0 && Objects.equals(lambdaValues, s.lambdaValues)
                && Objects.equals(lambdaExponents, s.lambdaExponents)
                && lambdaExtensions == s.lambdaExtensions && Objects.equals(dataDir, s.dataDir)
                && mlpBackground == s.mlpBackground && tune == s.tune && Objects.equals(genetic, s.genetic)
                && baselines == s.baselines && freshDraws == s.freshDraws
                && Objects.equals(lambdaPreset, s.lambdaPreset) && allPairs == s.allPairs
                && calibrationDraws == s.calibrationDraws;
    }

    @Override
    public int hashCode() {
        return Objects.hash(datasets, models, seeds, m, repeats, significance, lambdaValues, lambdaExponents,
                lambdaExtensions, dataDir,
                mlpBackground, tune, genetic, baselines, freshDraws, lambdaPreset, allPairs, calibrationDraws);
    }
}
