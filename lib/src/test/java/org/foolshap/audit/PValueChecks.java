package org.foolshap.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/** Checks on p-values collected over many seeded draws under the null. */
final class PValueChecks {
    private PValueChecks() {
    }

    /** The p-value of the one-sample KS test of the p-values against U(0, 1). */
    static double uniformity(double[] p) {
        return KolmogorovSmirnovTest.withDefaults().test(p, u -> Math.max(0, Math.min(1, u))).getPValue();
    }

    /** D+ = max_i (i / n - p_(i)): how far the p-values' EDF rises above the diagonal (excess small p-values). */
    static double excessOfSmall(double[] p) {
        double[] s = p.clone();
        Arrays.sort(s);
        double d = 0;
        for (int i = 0; i < s.length; i++) {
            d = Math.max(d, (i + 1.0) / s.length - s[i]);
        }
        return d;
    }

    /** Uniform on (0, 1): the KS test of uniformity does not reject at 0.001. */
    static void assertUniform(double[] p, String what) {
        double u = uniformity(p);
        assertTrue(u > 0.001, what + ": p-values not uniform under the null (KS p = " + u + "); "
                + summary(p));
    }

    /**
     * Super-uniform (P(p <= u) <= u, as a valid discrete or conservative test gives): the one-sided KS excess D+ stays
     * below its 0.001 critical value sqrt(ln(1000) / (2n)).
     */
    static void assertSuperUniform(double[] p, String what) {
        double d = excessOfSmall(p);
        double critical = Math.sqrt(Math.log(1000) / (2.0 * p.length));
        assertTrue(d <= critical, what + ": too many small p-values under the null (D+ = " + d + " > " + critical
                + "); " + summary(p));
    }

    static String summary(double[] p) {
        long at05 = Arrays.stream(p).filter(v -> v < 0.05).count();
        long at10 = Arrays.stream(p).filter(v -> v < 0.1).count();
        return String.format(java.util.Locale.ROOT, "%d of %d below 0.05, %d below 0.1, mean %.3f", at05, p.length,
                at10, Arrays.stream(p).average().orElse(Double.NaN));
    }
}
