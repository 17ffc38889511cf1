package org.foolshap.audit;

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

    private FullAudit(Auditor auditor, FeatureAudit features) {
        this.auditor = auditor;
        this.features = features;
    }

    /** The paper's auditor plus feature tests at the same significance (all features numeric until told). */
    public static FullAudit of(Auditor auditor) {
        return new FullAudit(auditor, FeatureAudit.withDefaults().withSignificance(auditor.significance()));
    }

    /** The feature tests to use (e.g. with the categorical mask and names). */
    public FullAudit withFeatureAudit(FeatureAudit features) {
        return new FullAudit(auditor, features);
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
