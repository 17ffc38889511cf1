package org.foolshap.audit;

/**
 * A binomial proportion with its Wilson score interval (Wilson 1927): events out of trials, e.g. how often an audit
 * flags honest samples.
 */
public record Rate(int events, int trials, double low, double high, double confidence) implements org.foolshap.Tabular {
    private static final org.apache.commons.statistics.distribution.NormalDistribution NORMAL =
            org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);

    public static Rate of(int events, int trials, double confidence) {
        if (trials < 1 || events < 0 || events > trials) {
            throw new IllegalArgumentException(events + " events in " + trials + " trials");
        }
        double z = NORMAL.inverseSurvivalProbability((1 - confidence) / 2);
        double p = events / (double) trials;
        double denom = 1 + z * z / trials;
        double centre = (p + z * z / (2.0 * trials)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / denom;
        return new Rate(events, trials, Math.max(0, centre - half), Math.min(1, centre + half), confidence);
    }

    public double value() {
        return events / (double) trials;
    }

    /** One row: events, trials, rate, low, high, confidence. */
    @Override
    public tech.tablesaw.api.Table toTable() {
        return tech.tablesaw.api.Table.create("rate").addColumns(
                tech.tablesaw.api.IntColumn.create("events", new int[] {events}),
                tech.tablesaw.api.IntColumn.create("trials", new int[] {trials}),
                tech.tablesaw.api.DoubleColumn.create("rate", value()),
                tech.tablesaw.api.DoubleColumn.create("low", low),
                tech.tablesaw.api.DoubleColumn.create("high", high),
                tech.tablesaw.api.DoubleColumn.create("confidence", confidence));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.3f (%d of %d; %.0f%% CI %.3f-%.3f)", value(), events, trials,
                100 * confidence, low, high);
    }
}
