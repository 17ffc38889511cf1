package org.foolshap.audit;

import org.foolshap.Tabular;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import java.util.List;

/**
 * The verdict of an audit: every test run, and whether any rejected (the samples are then declared biased). The
 * test levels add up to {@code significance} (Bonferroni), so an honest sample is flagged at most that often.
 */
public record AuditVerdict(List<TestOutcome> tests, double significance, boolean detected) implements Tabular {
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

    /**
     * Whether the audit would have detected the samples at another total level: each test's level scaled by
     * {@code alpha / significance()} (Bonferroni shares and max-T adjusted p-values both scale so), e.g. a family run
     * at alpha / 7 inside a full audit, judged on its own at alpha.
     */
    public boolean detectedAt(double alpha) {
        double scale = Auditor.checkLevel(alpha) / significance;
        return tests.stream().anyMatch(t -> t.pValue() < t.level() * scale);
    }

    /** The tests that rejected. */
    public List<TestOutcome> rejected() {
        return tests.stream().filter(TestOutcome::reject).toList();
    }

    /** One row per test: test, statistic, p_value, level, reject. */
    @Override
    public Table toTable() {
        return Table.create("audit verdict").addColumns(
                StringColumn.create("test", tests.stream().map(TestOutcome::name).toList()),
                DoubleColumn.create("statistic", tests.stream().mapToDouble(TestOutcome::statistic).toArray()),
                DoubleColumn.create("p_value", tests.stream().mapToDouble(TestOutcome::pValue).toArray()),
                DoubleColumn.create("level", tests.stream().mapToDouble(TestOutcome::level).toArray()),
                BooleanColumn.create("reject", toBooleans()));
    }

    private boolean[] toBooleans() {
        boolean[] b = new boolean[tests.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = tests.get(i).reject();
        }
        return b;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "Audit at alpha = %s: %s%n",
                significance, detected ? "DETECTED (" + rejected().size() + " of " + tests.size() + " tests reject)"
                        : "accepted (no test of " + tests.size() + " rejects)"));
        for (TestOutcome t : tests) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-24s statistic %8.3f  p = %.3g  level %.4f  %s%n",
                    t.name(), t.statistic(), t.pValue(), t.level(), t.reject() ? "REJECT" : "ok"));
        }
        return sb.toString();
    }
}
