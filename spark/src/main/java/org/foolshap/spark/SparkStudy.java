package org.foolshap.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.foolshap.Progress;
import org.foolshap.experiment.CalibrationFile;
import org.foolshap.experiment.CalibrationRow;
import org.foolshap.experiment.Plan;
import org.foolshap.experiment.ResultRow;
import org.foolshap.experiment.ResultsFile;
import org.foolshap.experiment.SettingsFile;
import org.foolshap.experiment.Study;
import org.foolshap.model.ModelKind;

/**
 * The experiment grid as a Spark job: the library's {@link Study} plans on the driver (what is left to run,
 * resumption, settings.json check), each (dataset, model, seed) task of the plan is one Spark task computing
 * {@link Study#run(Plan.Task, Progress)} on an executor, and the driver writes settings.json, then appends the rows
 * to results.csv and calibration.csv in plan order. Since every run is a function of its seed, results.csv holds the
 * rows the library's {@code reproduce} writes, up to the timing columns: {@code seconds}, and the brute-force and
 * genetic columns when the baselines run (they search within a wall-time budget).
 *
 * <p>Executors read the raw data themselves ({@code dataDir} must be reachable from every executor, e.g. a shared
 * file system). A run holds a few hundred MB; give executors one core per task or Spark more memory. Immutable.
 */
public final class SparkStudy {
    private final StudySpec spec;

    private SparkStudy(StudySpec spec) {
        this.spec = spec;
    }

    public static SparkStudy of(StudySpec spec) {
        return new SparkStudy(spec);
    }

    public StudySpec spec() {
        return spec;
    }

    /** The plan the job would run, with its skips and resumed rows; nothing is computed. */
    public Plan plan(ResultsFile results, CalibrationFile calibration) throws IOException {
        return spec.study().plan(results, calibration);
    }

    /** Plans ({@link #plan}), then runs the plan's tasks on Spark, one task each, and writes their rows in plan order. */
    public Study.Outcome execute(SparkSession spark, ResultsFile results, CalibrationFile calibration)
            throws IOException {
        return execute(spark, plan(results, calibration));
    }

    /**
     * Runs a plan made by {@link #plan} on Spark, one task each, and writes their rows in plan order to the plan's
     * files. Planning first, without a session, lets a command refuse a folder of other settings before starting Spark.
     *
     * @throws IllegalArgumentException when the plan was made by a study with other settings than this job's
     */
    public Study.Outcome execute(SparkSession spark, Plan plan) throws IOException {
        long start = System.nanoTime();
        Study study = plan.study();
        Study mine = spec.study();
        if (!study.settings().equals(mine.settings()) || !study.datasets().equals(mine.datasets())
                || !study.models().equals(mine.models()) || !study.seeds().equals(mine.seeds())) {
            throw new IllegalArgumentException("the plan was made by another study than this job's");
        }
        ResultsFile results = plan.results();
        CalibrationFile calibration = plan.calibration();
        List<Plan.Task> todo = plan.tasks();
        List<Task> tasks = todo.stream().map(Task::of).toList();
        List<Output> outputs = List.of();
        if (!tasks.isEmpty()) {
            SettingsFile.besides(results).write(study.settings());
            StudySpec s = spec;
            outputs = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(tasks, tasks.size())
                    .map(t -> Output.of(s.study().run(t.plan(), Progress.NONE)))
                    .collect();
        }
        Map<String, ResultRow> done = new LinkedHashMap<>();
        for (ResultRow r : plan.resumed()) {
            done.put(r.key(), r);
        }
        for (Output o : outputs) {
            if (o.row() != null) {
                ResultRow row = ResultRow.parse(o.row());
                results.append(row);
                done.put(row.key(), row);
            }
            if (o.calibration() != null && calibration != null && study.calibrationDraws() > 0) {
                calibration.append(CalibrationRow.parse(o.calibration()));
            }
        }
        List<ResultRow> rows = new ArrayList<>();
        for (String name : study.datasets()) {
            for (ModelKind kind : study.models()) {
                for (int seed : study.seeds()) {
                    ResultRow r = done.get(ResultRow.key(name, kind.id(), seed));
                    if (r != null) {
                        rows.add(r);
                    }
                }
            }
        }
        return new Study.Outcome(rows, plan.skipped(), todo.size(), plan.resumed().size(),
                (System.nanoTime() - start) / 1e9);
    }

    /** A plan task as a serializable value. */
    record Task(String dataset, String model, int seed, boolean attack, boolean calibrate) implements Serializable {
        static Task of(Plan.Task t) {
            return new Task(t.dataset(), t.model().id(), t.seed(), t.attack(), t.calibrate());
        }

        Plan.Task plan() {
            return new Plan.Task(dataset, ModelKind.parse(model), seed, attack, calibrate);
        }
    }

    /** A run's rows as the CSV lines the library writes (its own format, parsed back on the driver). */
    record Output(String row, String calibration) implements Serializable {
        static Output of(Study.RunOutput o) {
            return new Output(o.row() == null ? null : o.row().csv(), o.calibration() == null ? null
                    : o.calibration().csv());
        }
    }
}
