package org.foolshap.audit;

import org.foolshap.Tabular;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every audit an auditor holding the groups' feature rows can run on supplied S_0', S_1', by family: "paper" (the
 * six output tests of {@link Auditor}), "duplicates" (both samples, {@link DuplicateTest} on rows) and "features"
 * ({@link FeatureAudit} on each group). Each family runs at the auditor's significance, so the paper's verdict is
 * unchanged; a verdict over all families has a false-positive rate up to (families) x alpha.
 */
public final class FullAudit {
    private final Auditor auditor;
    private final FeatureAudit features;
    private final boolean custom;

    private FullAudit(Auditor auditor, FeatureAudit features, boolean custom) {
        this.auditor = auditor;
        this.features = features;
        this.custom = custom;
    }

    /** The paper's auditor plus feature tests at the same significance (all features numeric until told). */
    public static FullAudit of(Auditor auditor) {
        return new FullAudit(auditor, FeatureAudit.withDefaults().withSignificance(auditor.significance()), false);
    }

    /** The feature tests to use (e.g. with the categorical mask and names). */
    public FullAudit withFeatureAudit(FeatureAudit features) {
        return new FullAudit(auditor, features, true);
    }

    /**
     * Every family on supplied samples of the auditor's setting (needs {@code Auditor.of(model, setting)}); the
     * feature tests use the setting's categorical mask and names unless {@link #withFeatureAudit} set others.
     */
    public Report run(Sample s0, Sample s1, long seed) {
        if (s0.group() != Group.FOREGROUND || s1.group() != Group.BACKGROUND) {
            throw new IllegalArgumentException("run(S_0', S_1') takes a sample of D_0 then one of D_1, got "
                    + s0.group().symbol() + " and " + s1.group().symbol());
        }
        AuditSetting setting = auditor.setting().orElseThrow(() -> new IllegalStateException(
                "this auditor has no audit setting: build it with Auditor.of(model, setting)"));
        FullAudit full = custom ? this : withFeatureAudit(FeatureAudit.of(setting)
                .withSignificance(auditor.significance()));
        return new Report(full.run(setting.rows(Group.FOREGROUND), setting.rows(Group.BACKGROUND), s0.rows(),
                s1.rows(), auditor.outputs(s0), auditor.outputs(s1), seed));
    }

    /** The verdict of each family (paper, duplicates, features), in that order. */
    public record Report(Map<String, AuditVerdict> families) implements Tabular {
        public Report {
            families = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(families));
        }

        public AuditVerdict family(String name) {
            AuditVerdict v = families.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no family " + name + " in " + families.keySet());
            }
            return v;
        }

        /** Whether any family detected the samples (false-positive rate up to families x alpha). */
        public boolean detected() {
            return families.values().stream().anyMatch(AuditVerdict::detected);
        }

        /** One row per test: family, then the verdict's columns. */
        @Override
        public Table toTable() {
            Table out = null;
            for (var e : families.entrySet()) {
                Table t = e.getValue().toTable();
                t.insertColumn(0, StringColumn.create("family", java.util.Collections.nCopies(t.rowCount(), e.getKey())));
                out = out == null ? t : out.append(t);
            }
            return out.setName("full audit");
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            families.forEach((family, v) -> {
                sb.append(String.format(java.util.Locale.ROOT, "%-10s %s%n", family, v.detected() ? "DETECTED" : "passes"));
                v.rejected().stream().limit(4).forEach(t -> sb.append(String.format(java.util.Locale.ROOT,
                        "    %-24s statistic %8.3f  p = %.2g  (level %.4f)%n", t.name(), t.statistic(), t.pValue(),
                        t.level())));
            });
            return sb.toString();
        }
    }

    /**
     * @param d0 the foreground's rows (the auditor holds f of them already), {@code d1} the background's
     * @param s0 the supplied S_0' rows, {@code s1} the supplied S_1' rows
     * @return verdicts by family name, in the order paper, duplicates, features
     */
    public Map<String, AuditVerdict> run(double[][] d0, double[][] d1, double[][] s0, double[][] s1,
                                         double[] s0Outputs, double[] s1Outputs, long seed) {
        if (d0.length != auditor.foregroundSize() || d1.length != auditor.backgroundSize()) {
            throw new IllegalArgumentException("the auditor holds " + auditor.foregroundSize() + " and "
                    + auditor.backgroundSize() + " outputs but " + d0.length + " and " + d1.length
                    + " group rows were given");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double alpha = auditor.significance();
        Map<String, AuditVerdict> out = new LinkedHashMap<>();
        out.put("paper", auditor.audit(s0Outputs, s1Outputs, rng.split()));
        // two samples tested, alpha / 2 each, so the family has level alpha
        out.put("duplicates", AuditVerdict.of(List.of(
                DuplicateTest.rows("S_0'", s0, d0, alpha / 2, rng.nextLong()),
                DuplicateTest.rows("S_1'", s1, d1, alpha / 2, rng.nextLong())), alpha));
        FeatureAudit half = features.withSignificance(alpha / 2);
        List<TestOutcome> tests = new java.util.ArrayList<>();
        for (TestOutcome t : half.audit(d0, s0, rng.split()).tests()) {
            tests.add(new TestOutcome(t.name() + " S_0'", t.statistic(), t.pValue(), t.level(), t.reject()));
        }
        for (TestOutcome t : half.audit(d1, s1, rng.split()).tests()) {
            tests.add(new TestOutcome(t.name() + " S_1'", t.statistic(), t.pValue(), t.level(), t.reject()));
        }
        out.put("features", AuditVerdict.of(tests, alpha));
        return out;
    }
}
