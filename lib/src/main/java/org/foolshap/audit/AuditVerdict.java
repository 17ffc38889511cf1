package org.foolshap.audit;

import java.util.List;

/**
 * The verdict of an audit: every test run, and whether any rejected (the samples are then declared biased). The
 * test levels add up to {@code significance} (Bonferroni), so an honest sample is flagged at most that often.
 */
public record AuditVerdict(List<TestOutcome> tests, double significance, boolean detected) {
    public AuditVerdict {
        tests = List.copyOf(tests);
    }

    static AuditVerdict of(List<TestOutcome> tests, double significance) {
        return new AuditVerdict(tests, significance, tests.stream().anyMatch(TestOutcome::reject));
    }

    /** The outcome of one test by name. */
    public TestOutcome test(String name) {
        return tests.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no test named " + name + " in " + tests.stream()
                        .map(TestOutcome::name).toList()));
    }
}
