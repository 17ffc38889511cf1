package org.foolshap.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.foolshap.AtomicFiles;
import org.foolshap.attack.AttackResult;
import org.foolshap.attack.FoolShap;
import org.foolshap.attack.LambdaGrid;
import org.foolshap.data.Csv;
import org.foolshap.shap.Attributions;
import org.foolshap.shap.Explainers;
import org.foolshap.viz.Figures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code attack}: the whole Fool SHAP protocol on a saved model and a data file, with its files and figures. */
@Command(name = "attack", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Fool SHAP (Laberge et al., ICLR 2023): choose a background sample S_1' that hides the sensitive "
                + "feature's SHAP attribution while passing the auditor's tests.",
            "",
            "Rows with SENSITIVE == PROTECTED form the foreground D_0 (e.g. women), the rest the background D_1. "
                + "S_0' is a uniform sample of D_0. The coefficients Phi_s(f, S_0', z) are computed for every "
                + "background row z, weights are optimised for each lambda on a log grid, each lambda is audited "
                + "REPEATS times, and lambda* is the one with the smallest |Phi_s| detected under 10%% of the time.",
            "",
            "Writes OUT/result.json, OUT/s0.csv and OUT/s1.csv (the supplied rows, with a 'row' column indexing "
                + "FILE), and figures: attributions.png, cdfs.png, lambda-curves.png, detection.png. The files are "
                + "written into a fresh folder that replaces OUT once all are complete, so OUT is never a mix of two "
                + "runs; OUT must be new or hold only such files.",
            "",
            "--lambdas takes lambda values (e.g. 0.316:100:20), --log10-lambdas their base-10 exponents "
                + "(e.g. -0.5:2:20), as in 'reproduce'."})
final class AttackCommand implements Callable<Integer> {
    @Mixin
    GroupOptions group;

    @Option(names = "--m", defaultValue = "200", paramLabel = "M",
            description = "rows in each supplied sample (default: ${DEFAULT-VALUE})")
    int m;

    @Mixin
    LambdaOptions lambdas;

    @Option(names = "--repeats", defaultValue = "100", paramLabel = "R",
            description = "audited draws per lambda (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--significance", defaultValue = "0.05", paramLabel = "ALPHA",
            description = "the auditor's significance level (default: ${DEFAULT-VALUE})")
    double significance;

    @Option(names = "--seed", defaultValue = "0", description = "seed of every random step (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--cap", paramLabel = "K",
            description = "at most K copies of any background row in the weights (fewer duplicates; slower)")
    Integer cap;

    @Option(names = "--no-baselines", description = "skip the brute-force and genetic baselines")
    boolean noBaselines;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output folder: new, or an earlier attack's result (replaced as a whole)")
    Path out;

    /** Called with each file's name once it is written into the fresh result folder (a seam for tests). */
    Consumer<String> written = name -> { };

    @Override
    public Integer call() throws IOException {
        Outputs.checkResultFolder("--out", out, FILES, group.model, group.data);
        LambdaGrid grid = lambdas.grid();
        TerminalProgress progress = new TerminalProgress(); // a stage line for each step, the CLI's own included
        progress.update("loading the model and data", 0, 1);
        GroupedData data = group.load();
        progress.update("loading the model and data", 1, 1);
        FoolShap attack = FoolShap.of(Explainers.auto(data.model().model())).withM(m).withLambdas(grid)
                .withRepeats(repeats).withSignificance(significance).withSeed(seed).withBaselines(!noBaselines)
                .withCategorical(data.categorical()).withNames(data.model().features().names());
        if (cap != null) {
            attack = attack.withCap(cap);
        }
        AttackResult result;
        try (progress) {
            result = attack.withProgress(progress).attack(data.setting());
            progress.update("writing the result files and figures", 0, 1);
            write(result, data);
            progress.update("writing the result files and figures", 1, 1);
        }
        System.out.println(summary(result));
        return 0;
    }

    private void write(AttackResult result, GroupedData data) throws IOException {
        // every file goes into a fresh folder, swapped in for OUT once all are written
        String json = new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting()
                .serializeSpecialFloatingPointValues().create().toJson(json(result, data)) + "\n";
        AtomicFiles.writeFolder(out, dir -> {
            Csv.write(result.sampleS0().toTable(), dir.resolve("s0.csv"));
            written.accept("s0.csv");
            Csv.write(result.sampleS1().toTable(), dir.resolve("s1.csv"));
            written.accept("s1.csv");
            Files.writeString(dir.resolve("result.json"), json);
            written.accept("result.json");
            Figures.png(Figures.attributions(result), dir.resolve("attributions.png"));
            written.accept("attributions.png");
            Figures.png(Figures.cdfs(result), dir.resolve("cdfs.png"));
            written.accept("cdfs.png");
            Figures.png(Figures.lambdaCurves(result.sweep()), dir.resolve("lambda-curves.png"));
            written.accept("lambda-curves.png");
            Figures.png(Figures.detection(result.sweep()), dir.resolve("detection.png"));
            written.accept("detection.png");
        });
    }

    /** The files of a result folder. */
    static final Set<String> FILES = Set.of("s0.csv", "s1.csv", "result.json", "attributions.png", "cdfs.png",
            "lambda-curves.png", "detection.png");

    private Map<String, Object> json(AttackResult r, GroupedData data) {
        List<String> names = data.model().features().names();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("sensitive", group.sensitive);
        j.put("protected", group.protectedValue);
        j.put("output", data.model().model().scale().label());
        j.put("phi_before", byName(names, r.before().values()));
        j.put("phi_after", byName(names, r.after().values()));
        j.put("ci_before", byName(names, r.before().halfWidths()));
        j.put("ci_after", byName(names, r.after().halfWidths()));
        j.put("phi_full_background", byName(names, r.fullPhi()));
        j.put("relative_decrease", r.relativeDecrease());
        j.put("lambda", r.lambda());
        j.put("detection_rate", r.detectionRate());
        j.put("detected", r.detected());
        j.put("succeeded", r.succeeded());
        j.put("brute_force", r.bruteForce().map(b -> Math.abs(b.phi()[data.sensitive()])).orElse(null));
        j.put("genetic", r.genetic().map(g -> Math.abs(g.phi()[data.sensitive()])).orElse(null));
        j.put("seconds", r.seconds());
        j.put("m", m);
        j.put("repeats", repeats);
        j.put("significance", significance);
        j.put("seed", seed);
        j.put("n_foreground", data.foreground().length);
        j.put("n_background", data.background().length);
        Map<String, Object> tests = new LinkedHashMap<>();
        r.finalAudit().tests().forEach(t -> tests.put(t.name(), Map.of("statistic", t.statistic(), "p_value",
                t.pValue(), "level", t.level(), "reject", t.reject())));
        j.put("final_audit", tests);
        return j;
    }

    private String summary(AttackResult r) {
        Attributions b = r.before();
        return String.format(java.util.Locale.ROOT,
                "%s: Phi %+.5f (rank %d) -> %+.5f (rank %d), a %.1f%% decrease of |Phi|; lambda* %.3g detected in "
                        + "%.0f%% of %d audits; final audit at %.3g: %s; attack %s. Wrote %s",
                group.sensitive, r.phiBefore(), b.rank(group.sensitive), r.phiAfter(), r.after().rank(group.sensitive),
                100 * r.relativeDecrease(), r.lambda(), 100 * r.detectionRate(), repeats, significance,
                r.detected() ? "DETECTED" : "accepted", r.succeeded() ? "succeeded" : "failed", out);
    }

    private static Map<String, Double> byName(List<String> names, double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), values[i]);
        }
        return m;
    }


}
