package org.foolshap.audit;

import java.util.List;
import java.util.Locale;
import org.foolshap.Tabular;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How often each family of a {@link FullAudit} flags honest samples ({@link Calibration#run(FullAudit)}): each family
 * judged on its own at the total alpha, and the whole audit (alpha split between the families), each with a Wilson
 * interval, and the mean time per audit of each family.
 *
 * @param families        family ids, in report order
 * @param alone           each family's false-positive rate on its own at level {@code significance}
 * @param all             the whole audit's rate (any family rejecting at its share alpha / families)
 * @param batteries       the rates of smaller batteries (any of their families rejecting at alpha / their size),
 *                        by name, e.g. "paper+duplicates+features"
 * @param secondsPerAudit mean wall time of one audit by each family (after preparation)
 * @param significance    the total alpha
 * @param m               sample size M of both samples
 */
public record FamilyRates(List<String> families, List<Rate> alone, Rate all, java.util.Map<String, Rate> batteries,
                          double[] secondsPerAudit, double significance, int m) implements Tabular {
    public FamilyRates {
        families = List.copyOf(families);
        alone = List.copyOf(alone);
        batteries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(batteries));
        secondsPerAudit = secondsPerAudit.clone();
        if (families.size() != alone.size() || families.size() != secondsPerAudit.length) {
            throw new IllegalArgumentException(families.size() + " families, " + alone.size() + " rates and "
                    + secondsPerAudit.length + " timings");
        }
    }

    @Override
    public double[] secondsPerAudit() {
        return secondsPerAudit.clone();
    }

    /** The rate of one family on its own. */
    public Rate rate(String family) {
        int i = families.indexOf(family);
        if (i < 0) {
            throw new IllegalArgumentException("no family " + family + " in " + families);
        }
        return alone.get(i);
    }

    /** One row per family, then "all", then each battery: family, level, events, trials, rate, low, high, seconds. */
    @Override
    public Table toTable() {
        StringColumn name = StringColumn.create("family");
        DoubleColumn level = DoubleColumn.create("level");
        IntColumn events = IntColumn.create("events");
        IntColumn trials = IntColumn.create("trials");
        DoubleColumn rate = DoubleColumn.create("rate");
        DoubleColumn low = DoubleColumn.create("low");
        DoubleColumn high = DoubleColumn.create("high");
        DoubleColumn seconds = DoubleColumn.create("seconds_per_audit");
        List<String> rows = new java.util.ArrayList<>(families);
        rows.add("all");
        rows.addAll(batteries.keySet());
        for (int i = 0; i < rows.size(); i++) {
            Rate r = i < families.size() ? alone.get(i) : i == families.size() ? all : batteries.get(rows.get(i));
            name.append(rows.get(i));
            level.append(significance);
            events.append(r.events());
            trials.append(r.trials());
            rate.append(r.value());
            low.append(r.low());
            high.append(r.high());
            seconds.append(i < families.size() ? secondsPerAudit[i] : secondsOf(rows.get(i)));
        }
        return Table.create("false-positive rates").addColumns(name, level, events, trials, rate, low, high, seconds);
    }

    /** Seconds per audit of "all" or of a battery named by its families joined with "+". */
    private double secondsOf(String battery) {
        double s = 0;
        for (int i = 0; i < families.size(); i++) {
            if (battery.equals("all") || List.of(battery.split("\\+")).contains(families.get(i))) {
                s += secondsPerAudit[i];
            }
        }
        return s;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "False-positive rates at alpha = %s, M = %d (each family alone; all = alpha split)%n", significance, m));
        for (int i = 0; i < families.size(); i++) {
            sb.append(String.format(Locale.ROOT, "  %-11s %s  %.1f ms/audit%n", families.get(i), alone.get(i),
                    1000 * secondsPerAudit[i]));
        }
        sb.append(String.format(Locale.ROOT, "  %-11s %s%n", "all", all));
        batteries.forEach((b, r) -> sb.append(String.format(Locale.ROOT, "  %s: %s%n", b, r)));
        return sb.toString();
    }
}
