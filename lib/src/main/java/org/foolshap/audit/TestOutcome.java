package org.foolshap.audit;

/**
 * One hypothesis test of an audit.
 *
 * @param name      e.g. "KS-1 D_0", "Wald D_1", "duplicates S_1'", "feature age"
 * @param statistic the test statistic
 * @param pValue    its p-value
 * @param level     the level it is run at (after Bonferroni)
 * @param reject    {@code pValue < level}
 */
public record TestOutcome(String name, double statistic, double pValue, double level, boolean reject) {
    static TestOutcome of(String name, double statistic, double pValue, double level) {
        return new TestOutcome(name, statistic, pValue, level, pValue < level);
    }
}
