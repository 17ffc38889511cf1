package org.foolshap.audit;

/**
 * The audit protocol, declared once (paper, Section 5): the auditor receives samples of M rows per group and runs
 * its tests at total level {@code significance}; the attacker simulates {@code repeats} audits per candidate and
 * calls a candidate stealthy when it is detected in less than {@code stealthThreshold} of them. The attack, the
 * lambda sweep, the baselines, calibration, detection power and the experiment grid all take this one value.
 *
 * @param m                sample size M of S_0' and S_1' (at least 2)
 * @param repeats          audits simulated per candidate (lambda), at least 1
 * @param significance     the auditor's total level alpha, in (0, 1)
 * @param stealthThreshold a candidate is stealthy when detected in less than this fraction of audits, in (0, 1]
 */
public record Protocol(int m, int repeats, double significance, double stealthThreshold) {
    public Protocol {
        if (m < 2) {
            throw new IllegalArgumentException("M must be at least 2, got " + m);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        Auditor.checkLevel(significance);
        if (!(stealthThreshold > 0 && stealthThreshold <= 1)) {
            throw new IllegalArgumentException("the stealth threshold must be in (0, 1], got " + stealthThreshold);
        }
    }

    /** The paper's protocol: M = 200, 100 audits per lambda, alpha = 0.05, stealthy below 10% detection. */
    public static Protocol paper() {
        return new Protocol(200, 100, 0.05, 0.1);
    }

    public Protocol withM(int m) {
        return new Protocol(m, repeats, significance, stealthThreshold);
    }

    public Protocol withRepeats(int repeats) {
        return new Protocol(m, repeats, significance, stealthThreshold);
    }

    public Protocol withSignificance(double alpha) {
        return new Protocol(m, repeats, alpha, stealthThreshold);
    }

    public Protocol withStealthThreshold(double threshold) {
        return new Protocol(m, repeats, significance, threshold);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Protocol(M = %d, %d audits per lambda, alpha = %s, stealthy below %s)",
                m, repeats, significance, stealthThreshold);
    }
}
