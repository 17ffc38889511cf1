package org.foolshap.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.foolshap.audit.AuditVerdict;
import org.foolshap.audit.Auditor;
import org.foolshap.audit.FeatureAudit;
import org.foolshap.audit.AuditFamily;
import org.foolshap.audit.FullAudit;
import org.foolshap.data.Csv;
import org.foolshap.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audit}: the auditor's side: are the supplied samples plausible uniform samples of the groups? */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Audit supplied samples S_0' (of the protected group) and S_1' (of the rest) the way the paper's "
                + "auditor does: for each group, two Kolmogorov-Smirnov tests of f(S') against fresh uniform "
                + "subsamples of f(D) at alpha/8 each and a Wald test of the mean at alpha/4 (Bonferroni).",
            "--tests takes families, comma-separated: paper, duplicates, features, outputs (Anderson-Darling and "
                + "Cramer-von Mises), mmd, energy, classifier; or all. Alpha is split equally between the chosen "
                + "families (Bonferroni). docs/AUDITING.md recommends paper,duplicates,features,energy.",
            "Prints a one-line verdict (DETECTED or accepted, with the rejecting tests), then one line per family; "
                + "--json prints instead one JSON object with every test's statistic, p-value and decision.",
            "Exit status 0 whichever the verdict; with --fail-on-detection, " + AuditCommand.DETECTED_EXIT
                + " when the samples are detected (2 stays a usage error, 1 a failure)."})
final class AuditCommand implements Callable<Integer> {
    @Mixin
    GroupOptions group;

    @Option(names = "--s0", required = true, paramLabel = "S0.csv", description = "supplied sample of the protected group")
    Path s0;

    @Option(names = "--s1", required = true, paramLabel = "S1.csv", description = "supplied sample of the other group")
    Path s1;

    @Option(names = "--significance", defaultValue = "0.05", paramLabel = "ALPHA",
            description = "significance level (default: ${DEFAULT-VALUE})")
    double significance;

    @Option(names = "--tests", defaultValue = "paper", paramLabel = "SET",
            description = "families to run, comma-separated (paper, duplicates, features, outputs, mmd, energy, "
                    + "classifier) or all (default: ${DEFAULT-VALUE})")
    String tests;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the auditor's subsamples (default: ${DEFAULT-VALUE})")
    long seed;

    /** The exit status of {@code --fail-on-detection} when the samples are detected. */
    static final int DETECTED_EXIT = 3;

    @Option(names = "--fail-on-detection",
            description = "exit with status " + DETECTED_EXIT + " when the samples are detected (for scripts and CI)")
    boolean failOnDetection;

    @Option(names = "--json", description = "print the whole verdict as one JSON object instead of the summary lines")
    boolean jsonOutput;

    @Override
    public Integer call() throws IOException {
        List<AuditFamily> chosen;
        try {
            chosen = AuditFamily.parseList(tests);
        } catch (IllegalArgumentException e) {
            throw new UserError("--tests: " + e.getMessage());
        }
        GroupedData data = group.load();
        Model f = data.model().model();
        double[][] d0 = data.foregroundRows();
        double[][] d1 = data.backgroundRows();
        double[][] x0 = data.model().features().encode(Csv.read(s0));
        double[][] x1 = data.model().features().encode(Csv.read(s1));
        double[] y0 = GroupedData.outputs(data.model(), x0, group.model, s0);
        double[] y1 = GroupedData.outputs(data.model(), x1, group.model, s1);
        Auditor auditor = Auditor.of(f.outputs(d0), f.outputs(d1)).withSignificance(significance);
        Map<String, AuditVerdict> verdicts;
        if (chosen.equals(List.of(AuditFamily.PAPER))) {
            verdicts = Map.of("paper", auditor.audit(y0, y1, seed));
        } else {
            FeatureAudit features = FeatureAudit.withDefaults().withCategorical(data.categorical())
                    .withNames(data.model().features().names());
            verdicts = FullAudit.of(auditor).withFamilies(chosen).withFeatureAudit(features)
                    .run(d0, d1, x0, x1, y0, y1, seed);
        }
        boolean detected = verdicts.values().stream().anyMatch(AuditVerdict::detected);
        if (jsonOutput) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("significance", significance);
            j.put("detected", detected);
            Map<String, Object> families = new LinkedHashMap<>();
            verdicts.forEach((name, v) -> families.put(name, family(v)));
            j.put("tests", families);
            System.out.println(new GsonBuilder().disableHtmlEscaping().setPrettyPrinting()
                    .serializeSpecialFloatingPointValues().create().toJson(j));
        } else {
            System.out.print(AuditSummary.lines(verdicts, significance));
        }
        return detected && failOnDetection ? DETECTED_EXIT : 0;
    }

    private static Map<String, Object> family(AuditVerdict v) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("detected", v.detected());
        List<Map<String, Object>> list = v.tests().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("test", t.name());
            m.put("statistic", t.statistic());
            m.put("p_value", t.pValue());
            m.put("level", t.level());
            m.put("reject", t.reject());
            return m;
        }).toList();
        f.put("tests", list);
        return f;
    }
}
