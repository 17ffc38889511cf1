package org.foolshap.audit;

/**
 * The result of one hypothesis test: its statistic and p-value, and how the p-value was obtained.
 *
 * @param statistic the test statistic (larger = stronger evidence against the null)
 * @param pValue    the p-value, in [0, 1]; a valid p-value satisfies P(p <= u) <= u under the null
 * @param resamples the permutations or Monte Carlo draws behind the p-value (0 when computed in closed form)
 * @param exact     whether the p-value has no sampling error (every permutation enumerated, or a closed form)
 */
public record TestResult(double statistic, double pValue, int resamples, boolean exact) {
    public TestResult {
        if (Double.isNaN(statistic) || !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("statistic " + statistic + " with p-value " + pValue);
        }
    }

    /** Whether the test rejects at level alpha ({@code pValue < alpha}, as every audit test here). */
    public boolean reject(double alpha) {
        return pValue < Auditor.checkLevel(alpha);
    }
}
