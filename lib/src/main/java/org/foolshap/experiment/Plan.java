package org.foolshap.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.foolshap.Tabular;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.model.ModelKind;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a {@link Study} will do, decided before anything is computed ({@link Study#plan}): the runs to do, the runs
 * already in results.csv, and what is skipped and why. Shown as a table (one row per grid cell or skip: dataset,
 * model, seed, action, reason) or as text; {@link Study#execute} then does exactly {@link #tasks()}. Immutable; it
 * holds the datasets the tasks need, loaded once while planning, and the files it was made against.
 */
public final class Plan implements Tabular {
    /**
     * One run to do.
     *
     * @param attack    compute the run's results.csv row (train, attack, baselines, audit)
     * @param calibrate compute its calibration.csv row (when the row is already in results.csv, only this)
     */
    public record Task(String dataset, ModelKind model, int seed, boolean attack, boolean calibrate) {
        /** The run's key in results.csv: dataset/model/seed. */
        public String key() {
            return ResultRow.key(dataset, model.id(), seed);
        }

        /** "attack and calibration", "attack" or "calibration only". */
        public String work() {
            return attack && calibrate ? "attack and calibration" : attack ? "attack" : "calibration only";
        }
    }

    final Study study;
    final ResultsFile results;
    final CalibrationFile calibration;
    final SettingsFile settingsFile;
    final Map<String, Dataset> data;
    final Map<String, ResultRow> done;
    private final List<Task> tasks;
    private final List<ResultRow> resumed;
    private final List<Study.Skip> skipped;

    private Plan(Study study, ResultsFile results, CalibrationFile calibration, Map<String, Dataset> data,
                 Map<String, ResultRow> done, List<Task> tasks, List<ResultRow> resumed, List<Study.Skip> skipped) {
        this.study = study;
        this.results = results;
        this.calibration = calibration;
        this.settingsFile = SettingsFile.besides(results);
        this.data = Map.copyOf(data);
        this.done = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(done));
        this.tasks = List.copyOf(tasks);
        this.resumed = List.copyOf(resumed);
        this.skipped = List.copyOf(skipped);
    }

    /** Reads the files, walks the grid in order (dataset, model, seed) and loads what has work left. */
    static Plan make(Study study, ResultsFile results, CalibrationFile calibration) throws IOException {
        Map<String, ResultRow> done = new LinkedHashMap<>();
        for (ResultRow r : results.read()) {
            done.put(r.key(), r);
        }
        Set<String> calibrated = calibration == null ? null
                : calibration.read().stream().map(CalibrationRow::key).collect(Collectors.toSet());
        boolean hasRows = !done.isEmpty() || (calibrated != null && !calibrated.isEmpty());
        if (hasRows) {
            checkSettings(study, results);
        }
        Map<String, Dataset> data = new LinkedHashMap<>();
        List<Task> tasks = new ArrayList<>();
        List<ResultRow> resumed = new ArrayList<>();
        List<Study.Skip> skipped = new ArrayList<>();
        for (String name : study.datasets()) {
            List<Task> wanted = new ArrayList<>();
            for (ModelKind kind : study.models()) {
                for (int seed : study.seeds()) {
                    String key = ResultRow.key(name, kind.id(), seed);
                    ResultRow row = done.get(key);
                    if (row != null) {
                        resumed.add(row);
                    }
                    boolean needCalibration = calibrated != null && !calibrated.contains(key);
                    if (row == null || needCalibration) {
                        wanted.add(new Task(name, kind, seed, row == null, needCalibration));
                    }
                }
            }
            if (study.paperModels()) {
                for (ModelKind kind : study.models()) {
                    if (!PaperGrid.inFigure5(name, kind) && wanted.removeIf(t -> t.model() == kind)) {
                        skipped.add(new Study.Skip(name, kind.id(), "not in the paper's Figure 5 (" + kind.id()
                                + " runs on " + String.join(" and ", new java.util.TreeSet<>(PaperGrid.MLP_DATASETS))
                                + " only); to run it anyway: reproduce --all-pairs, or Study.withPaperModels(false)"));
                    }
                }
            }
            if (wanted.isEmpty()) {
                continue;
            }
            Dataset d;
            try {
                d = Datasets.load(name, study.dataDir());
            } catch (IllegalArgumentException | UncheckedIOException e) {
                skipped.add(new Study.Skip(name, null, fetchHint(name, e.getMessage())));
                continue;
            }
            int width = d.features().width();
            if (width > Study.MLP_MAX_FEATURES && wanted.stream().anyMatch(t -> t.model() == ModelKind.MLP)) {
                skipped.add(new Study.Skip(name, ModelKind.MLP.id(), "exact SHAP of an MLP needs up to 2^" + width
                        + " model calls per (foreground, background) pair on this dataset (" + width
                        + " features, limit " + Study.MLP_MAX_FEATURES + ")"));
                wanted.removeIf(t -> t.model() == ModelKind.MLP);
            }
            if (!wanted.isEmpty()) {
                checkM(study, d, wanted);
                data.put(name, d);
                tasks.addAll(wanted);
            }
        }
        return new Plan(study, results, calibration, data, done, tasks, resumed, skipped);
    }

    /** The rows in the folder must have been computed with exactly this study's settings. */
    private static void checkSettings(Study study, ResultsFile results) throws IOException {
        Map<String, String> now = study.settings();
        var recorded = SettingsFile.besides(results).read();
        Path folder = results.path().toAbsolutePath().getParent();
        List<Study.SettingsChanged.Change> changes = new ArrayList<>();
        if (recorded.isEmpty()) {
            changes.add(new Study.SettingsChanged.Change("settings.json", null, "missing"));
        } else {
            for (var e : now.entrySet()) {
                String old = recorded.get().get(e.getKey());
                if (!e.getValue().equals(old)) {
                    changes.add(new Study.SettingsChanged.Change(e.getKey(), old == null ? "(not recorded)" : old,
                            e.getValue()));
                }
            }
        }
        if (!changes.isEmpty()) {
            throw new Study.SettingsChanged(folder, changes);
        }
    }

    /** M must fit both groups of the dataset (and the MLP background cap), checked before any run starts. */
    private static void checkM(Study study, Dataset d, List<Task> wanted) {
        int m = study.protocol().m();
        int fg = d.foregroundRows().length;
        int bg = d.backgroundRows().length;
        if (m > fg || m > bg) {
            throw new IllegalArgumentException("M = " + m + " is larger than " + d.name() + "'s "
                    + (m > fg ? "protected group (" + fg + " rows)" : "other group (" + bg + " rows)")
                    + "; choose M at most " + Math.min(fg, bg));
        }
        if (study.mlpBackground() > 0 && m > study.mlpBackground()
                && wanted.stream().anyMatch(t -> t.model() == ModelKind.MLP)) {
            throw new IllegalArgumentException("M = " + m + " is larger than the MLP background cap ("
                    + study.mlpBackground() + " rows); raise the cap or lower M");
        }
    }

    private static String fetchHint(String name, String message) {
        String m = message == null ? "raw files not found" : message;
        if (m.contains("fetch")) {
            return m;
        }
        return m + "; download it with: java -jar lib/target/foolshap.jar fetch --dataset " + name;
    }

    /** The study that made this plan (for a job that plans on one machine and runs the tasks elsewhere). */
    public Study study() {
        return study;
    }

    /** The results file the plan read and its rows go to. */
    public ResultsFile results() {
        return results;
    }

    /** The calibration file the plan read, or null when the study audits no honest draws. */
    public CalibrationFile calibration() {
        return calibration;
    }

    /** The runs to do, in grid order. */
    public List<Task> tasks() {
        return tasks;
    }

    /** The grid's rows already in results.csv (a resumed run may still have a calibration task). */
    public List<ResultRow> resumed() {
        return resumed;
    }

    /** Datasets (model null) or dataset x model pairs that will not run, with the reason. */
    public List<Study.Skip> skipped() {
        return skipped;
    }

    /** Whether there is nothing to compute. */
    public boolean isEmpty() {
        return tasks.isEmpty();
    }

    /**
     * One row per task ("attack and calibration", "attack", "calibration only"), per resumed run without a task
     * ("resumed") and per skip ("skipped", seed missing, with the reason; model empty when the whole dataset is
     * skipped), in grid order within each kind.
     */
    @Override
    public Table toTable() {
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn model = StringColumn.create("model");
        IntColumn seed = IntColumn.create("seed");
        StringColumn action = StringColumn.create("action");
        StringColumn reason = StringColumn.create("reason");
        Set<String> withTask = tasks.stream().map(Task::key).collect(Collectors.toSet());
        for (Task t : tasks) {
            dataset.append(t.dataset());
            model.append(t.model().id());
            seed.append(t.seed());
            action.append(t.work());
            reason.append(t.attack() ? "not in results.csv" : "not in calibration.csv");
        }
        for (ResultRow r : resumed) {
            if (!withTask.contains(r.key())) {
                dataset.append(r.dataset());
                model.append(r.model());
                seed.append(r.seed());
                action.append("resumed");
                reason.append("in results.csv");
            }
        }
        for (Study.Skip s : skipped) {
            dataset.append(s.dataset());
            model.append(s.model() == null ? "" : s.model());
            seed.appendMissing();
            action.append("skipped");
            reason.append(s.reason());
        }
        return Table.create("plan", dataset, model, seed, action, reason);
    }

    /** A summary line, then one line per task and per skip. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
                "Plan: %d runs to do, %d already in %s, %d skipped%n", tasks.size(), resumed.size(),
                results.path(), skipped.size()));
        for (Task t : tasks) {
            sb.append("  to do ").append(t.key()).append(": ").append(t.work()).append('\n');
        }
        for (Study.Skip s : skipped) {
            sb.append("  ").append(s).append('\n');
        }
        return sb.toString();
    }
}
