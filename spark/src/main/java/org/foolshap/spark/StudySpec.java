package org.foolshap.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.foolshap.attack.FoolShap;
import org.foolshap.attack.LambdaGrid;
import org.foolshap.audit.Protocol;
import org.foolshap.experiment.Study;
import org.foolshap.model.ModelKind;

/**
 * A {@link Study}'s settings as one serializable value, shipped to the executors, each of which rebuilds the same
 * study with the library's own setters ({@link #study()}); the reproduce command's options, one to one.
 *
 * @param datasets          dataset names
 * @param models            model ids (rf, xgb, gbt, mlp, tree, logistic)
 * @param seeds             seeds of the runs
 * @param m                 M, the size of S_0' and S_1'
 * @param repeats           audited draws per lambda
 * @param significance      the auditor's total level
 * @param lambdas           the lambda grid by base-10 exponents: lo, hi, steps
 * @param lambdaExtensions  times the grid may widen
 * @param baselines         whether the brute-force and genetic baselines run (their results depend on wall time)
 * @param dataDir           raw files' directory, null for FOOLSHAP_DATA or the cache (must be readable on executors)
 * @param mlpBackground     background cap of MLP runs
 * @param calibrationDraws  honest draws audited per run; 0 = none
 * @param tuning            random-search iterations per model (the study's default: the paper's 50; 0 = none)
 */
public record StudySpec(List<String> datasets, List<String> models, List<Integer> seeds, int m, int repeats,
                        double significance, double[] lambdas, int lambdaExtensions, boolean baselines,
                        String dataDir, int mlpBackground, int calibrationDraws, int tuning) implements Serializable {
    /** With the study's default tuning (the paper's random search). */
    public StudySpec(List<String> datasets, List<String> models, List<Integer> seeds, int m, int repeats,
                     double significance, double[] lambdas, int lambdaExtensions, boolean baselines, String dataDir,
                     int mlpBackground, int calibrationDraws) {
        this(datasets, models, seeds, m, repeats, significance, lambdas, lambdaExtensions, baselines, dataDir,
                mlpBackground, calibrationDraws, Study.withDefaults().tuning());
    }

    public StudySpec {
        datasets = List.copyOf(datasets);
        models = List.copyOf(models);
        seeds = List.copyOf(seeds);
        lambdas = lambdas.clone();
        if (lambdas.length != 3) {
            throw new IllegalArgumentException("lambdas are lo, hi, steps (base-10 exponents)");
        }
        build(datasets, models, seeds, m, repeats, significance, lambdas, lambdaExtensions, baselines, dataDir,
                mlpBackground, calibrationDraws, tuning); // every setting checked once, on the driver
    }

    /** The reproduce command's defaults: the paper's grid and protocol. */
    public static StudySpec paper() {
        Study s = Study.withDefaults();
        LambdaGrid g = LambdaGrid.paper();
        return new StudySpec(s.datasets(), s.models().stream().map(ModelKind::id).toList(), s.seeds(),
                s.protocol().m(), s.protocol().repeats(), s.protocol().significance(),
                new double[] {g.lo(), g.hi(), g.steps()}, s.lambdaExtensions(), true, null, s.mlpBackground(),
                s.calibrationDraws());
    }

    /** The library's study with these settings (one thread: the cluster runs the tasks in parallel). */
    public Study study() {
        return build(datasets, models, seeds, m, repeats, significance, lambdas, lambdaExtensions, baselines, dataDir,
                mlpBackground, calibrationDraws, tuning);
    }

    private static Study build(List<String> datasets, List<String> models, List<Integer> seeds, int m, int repeats,
                               double significance, double[] lambdas, int lambdaExtensions, boolean baselines,
                               String dataDir, int mlpBackground, int calibrationDraws, int tuning) {
        Protocol protocol = Protocol.paper().withM(m).withRepeats(repeats).withSignificance(significance);
        FoolShap attack = FoolShap.withDefaults().withProtocol(protocol)
                .withLambdas(new LambdaGrid(lambdas[0], lambdas[1], (int) lambdas[2])).withBaselines(baselines);
        return Study.withDefaults().withDatasets(datasets)
                .withModels(models.stream().map(ModelKind::parse).toList()).withSeeds(seeds).withAttack(attack)
                .withLambdaExtensions(lambdaExtensions).withDataDir(dataDir == null ? null : Path.of(dataDir))
                .withMlpBackground(mlpBackground).withCalibrationDraws(calibrationDraws).withTuning(tuning);
    }
}
