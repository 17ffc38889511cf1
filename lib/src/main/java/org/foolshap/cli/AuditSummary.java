package org.foolshap.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.foolshap.audit.AuditVerdict;
import org.foolshap.audit.TestOutcome;

/**
 * What {@code audit} prints by default: one verdict line a reader (or grep) takes in at once, then one line per
 * family with its smallest p-value against that test's level, so the margin shows without the whole JSON.
 */
final class AuditSummary {
    private AuditSummary() {
    }

    static String lines(Map<String, AuditVerdict> verdicts, double significance) {
        List<String> detecting = verdicts.entrySet().stream().filter(e -> e.getValue().detected())
                .map(Map.Entry::getKey).toList();
        int tests = verdicts.values().stream().mapToInt(v -> v.tests().size()).sum();
        StringBuilder b = new StringBuilder();
        if (detecting.isEmpty()) {
            b.append(String.format(Locale.ROOT, "audit: accepted at significance %s: no test of %d rejects "
                    + "(families: %s)%n", significance, tests, String.join(", ", verdicts.keySet())));
        } else {
            List<String> rejecting = verdicts.values().stream().flatMap(v -> v.rejected().stream())
                    .map(TestOutcome::name).toList();
            b.append(String.format(Locale.ROOT, "audit: DETECTED at significance %s by %s: %d of %d tests reject "
                    + "(%s)%n", significance, String.join(", ", detecting), rejecting.size(), tests,
                    String.join(", ", rejecting.size() <= 4 ? rejecting : rejecting.subList(0, 4))
                            + (rejecting.size() > 4 ? ", ..." : "")));
        }
        verdicts.forEach((name, v) -> {
            TestOutcome closest = v.tests().stream()
                    .min((x, y) -> Double.compare(x.pValue() / x.level(), y.pValue() / y.level())).orElse(null);
            b.append(String.format(Locale.ROOT, "  %-10s %-12s %d test(s)%s%n", name,
                    v.detected() ? "DETECTED" : "accepted", v.tests().size(), closest == null ? ""
                            : String.format(Locale.ROOT, "; closest: %s p = %.3g at level %.3g", closest.name(),
                                    closest.pValue(), closest.level())));
        });
        return b.toString();
    }
}
