package org.foolshap.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.foolshap.attack.AttackResult;
import org.foolshap.attack.FoolShap;
import org.foolshap.attack.LambdaGrid;
import org.foolshap.attack.SweepResult;
import org.foolshap.data.Csv;
import org.foolshap.data.Dataset;
import org.foolshap.shap.Attributions;
import org.foolshap.shap.Explainers;
import org.foolshap.viz.Figures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

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
                + "FILE), and figures: attributions.png, cdfs.png, lambda-curves.png, detection.png."})
final class AttackCommand implements Callable<Integer> {
    @Mixin
    GroupOptions group;

    @Option(names = "--m", defaultValue = "200", paramLabel = "M",
            description = "rows in each supplied sample (default: ${DEFAULT-VALUE})")
    int m;

    @Option(names = "--lambdas", defaultValue = "0.316:100:20", paramLabel = "LO:HI:STEPS",
            description = "lambdas, log-spaced from LO to HI (both > 0) (default: ${DEFAULT-VALUE}, the paper's grid)")
    String lambdas;

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

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Override
    public Integer call() throws IOException {
        GroupedData data = group.load();
        FoolShap attack = FoolShap.of(Explainers.auto(data.model().model())).withM(m).withLambdas(grid(lambdas))
                .withRepeats(repeats).withSignificance(significance).withSeed(seed).withBaselines(!noBaselines)
                .withCategorical(data.categorical()).withNames(data.model().features().names());
        if (cap != null) {
            attack = attack.withCap(cap);
        }
        AttackResult result;
        try (TerminalProgress progress = new TerminalProgress()) {
            result = attack.withProgress(progress).attack(data.setting());
        }
        Files.createDirectories(out);
        Csv.write(result.sampleS0().toTable(), out.resolve("s0.csv"));
        Csv.write(result.sampleS1().toTable(), out.resolve("s1.csv"));
        Files.writeString(out.resolve("result.json"),
                new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting()
                        .serializeSpecialFloatingPointValues().create()
                        .toJson(json(result, data)) + "\n");
        figures(result);
        System.out.println(summary(result));
        return 0;
    }

    private Map<String, Object> json(AttackResult r, GroupedData data) {
        List<String> names = data.model().features().names();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("sensitive", group.sensitive);
        j.put("protected", group.protectedValue);
        j.put("output", data.model().kind().outputName());
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

    private void figures(AttackResult r) {
        Figures.png(Figures.attributions(r), out.resolve("attributions.png"));
        Figures.png(Figures.cdfs(r), out.resolve("cdfs.png"));
        Figures.png(Figures.lambdaCurves(r.sweep()), out.resolve("lambda-curves.png"));
        Figures.png(Figures.detection(r.sweep()), out.resolve("detection.png"));
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


    /** LO:HI:STEPS in lambda units (the library's grid is in powers of ten). */
    static LambdaGrid grid(String spec) {
        String[] parts = spec.trim().split(":");
        if (parts.length != 3) {
            throw new UserError("--lambdas '" + spec + "' is not LO:HI:STEPS, e.g. 0.316:100:20");
        }
        double lo;
        double hi;
        int steps;
        try {
            lo = Double.parseDouble(parts[0]);
            hi = Double.parseDouble(parts[1]);
            steps = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw new UserError("--lambdas '" + spec + "' is not LO:HI:STEPS, e.g. 0.316:100:20");
        }
        if (!(lo > 0) || !(hi > 0)) {
            throw new UserError("--lambdas: lambda must be > 0 (got " + spec + ")");
        }
        if (hi < lo || steps < 1) {
            throw new UserError("--lambdas: need LO <= HI and STEPS >= 1 (got " + spec + ")");
        }
        return new LambdaGrid(Math.log10(lo), Math.log10(hi), steps);
    }
}
