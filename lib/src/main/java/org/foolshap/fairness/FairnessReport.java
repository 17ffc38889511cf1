package org.foolshap.fairness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.foolshap.Tabular;
import org.foolshap.model.Metrics;
import org.foolshap.model.OutputScale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Group fairness of a model's decisions (what fairlearn's {@code MetricFrame} and AIF360's {@code ClassificationMetric}
 * report): per group the count, selection rate, mean output, true- and false-positive rates, precision and AUC
 * ({@link GroupRates}), and the between-group summaries
 * <ul>
 *   <li>demographic-parity difference max_g SR_g - min_g SR_g and ratio min_g SR_g / max_g SR_g (SR: selection
 *   rate);</li>
 *   <li>equalized-odds difference max(max_g TPR_g - min_g TPR_g, max_g FPR_g - min_g FPR_g);</li>
 *   <li>equal-opportunity difference max_g TPR_g - min_g TPR_g;</li>
 *   <li>the four-fifths rule (US EEOC Uniform Guidelines, 29 CFR 1607.4(D)): the lowest selection rate is at least
 *   80% of the highest, i.e. the parity ratio is &gt;= 0.8.</li>
 * </ul>
 * Summaries are taken over the groups where the rate is defined; with fewer than two such groups they are NaN. Every
 * NaN comes with a note ({@link #notes()}) saying why. Immutable. Computed by {@link FairnessMetrics}.
 */
public final class FairnessReport implements Tabular {
    /** The four-fifths rule's bound on the parity ratio. */
    public static final double FOUR_FIFTHS = 0.8;

    private final List<String> sensitive;
    private final double threshold;
    private final OutputScale scale;
    private final List<GroupRates> groups;
    private final int rows;
    private final double dpDifference;
    private final double dpRatio;
    private final double eoDifference;
    private final double eoppDifference;
    private final List<String> notes;

    private FairnessReport(List<String> sensitive, double threshold, OutputScale scale, List<GroupRates> groups,
                           int rows, List<String> notes) {
        this.sensitive = List.copyOf(sensitive);
        this.threshold = threshold;
        this.scale = scale;
        this.groups = List.copyOf(groups);
        this.rows = rows;
        List<String> all = new ArrayList<>(notes);
        double[] sr = range(GroupRates::selectionRate);
        double[] tpr = range(GroupRates::tpr);
        double[] fpr = range(GroupRates::fpr);
        this.dpDifference = sr[1] - sr[0];
        if (Double.isNaN(sr[0])) {
            all.add("fewer than two non-empty groups: demographic parity is NaN");
        }
        if (sr[1] == 0) {
            all.add("no group has a positive decision at " + scale.label() + " >= " + threshold
                    + ": the demographic-parity ratio is NaN (0 / 0)");
        }
        this.dpRatio = sr[1] > 0 ? sr[0] / sr[1] : Double.NaN;
        this.eoppDifference = tpr[1] - tpr[0];
        if (Double.isNaN(tpr[0])) {
            all.add("fewer than two groups have positives: equal opportunity and equalized odds are NaN");
        }
        if (Double.isNaN(fpr[0])) {
            all.add("fewer than two groups have negatives: equalized odds is NaN");
        }
        this.eoDifference = Double.isNaN(tpr[0]) || Double.isNaN(fpr[0]) ? Double.NaN
                : Math.max(tpr[1] - tpr[0], fpr[1] - fpr[0]);
        this.notes = List.copyOf(all);
    }

    /**
     * The report of given outputs, 0/1 labels and one group label per row, at {@code threshold} (decisions: output
     * &gt;= threshold). Groups are listed in {@code order}; a group of {@code order} without rows is kept with count 0
     * and NaN rates. Each {@code values.get(g)} holds the sensitive attributes' values of group g.
     */
    static FairnessReport compute(double[] outputs, int[] labels, int[] groupOfRow, List<String> order,
                                  List<List<String>> values, List<String> sensitive, double threshold,
                                  OutputScale scale) {
        int n = outputs.length;
        if (labels.length != n || groupOfRow.length != n) {
            throw new IllegalArgumentException(n + " outputs, " + labels.length + " labels and " + groupOfRow.length
                    + " group labels");
        }
        for (int r = 0; r < n; r++) {
            if (!Double.isFinite(outputs[r])) {
                throw new IllegalArgumentException("output of row " + r + " is " + outputs[r]);
            }
            if (labels[r] != 0 && labels[r] != 1) {
                throw new IllegalArgumentException("label of row " + r + " is " + labels[r] + ", not 0 or 1");
            }
        }
        int k = order.size();
        int[] count = new int[k];
        for (int g : groupOfRow) {
            count[g]++;
        }
        double[][] out = new double[k][];
        int[][] y = new int[k][];
        int[] fill = new int[k];
        for (int g = 0; g < k; g++) {
            out[g] = new double[count[g]];
            y[g] = new int[count[g]];
        }
        for (int r = 0; r < n; r++) {
            int g = groupOfRow[r];
            out[g][fill[g]] = outputs[r];
            y[g][fill[g]++] = labels[r];
        }
        List<GroupRates> rates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            rates.add(rates(order.get(g), values.get(g), out[g], y[g], threshold, notes));
        }
        return new FairnessReport(sensitive, threshold, scale, rates, n, notes);
    }

    private static GroupRates rates(String name, List<String> values, double[] f, int[] y, double t,
                                    List<String> notes) {
        int n = f.length;
        if (n == 0) {
            notes.add("group " + name + " is empty: no row has this combination, all its rates are NaN");
            return new GroupRates(name, values, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        int pos = 0;
        int selected = 0;
        int tp = 0;
        int fp = 0;
        for (int r = 0; r < n; r++) {
            boolean d = f[r] >= t;
            pos += y[r];
            if (d) {
                selected++;
                if (y[r] == 1) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        int neg = n - pos;
        if (pos == 0) {
            notes.add("group " + name + " has no positives (label 1): its tpr and auc are NaN");
        }
        if (neg == 0) {
            notes.add("group " + name + " has no negatives (label 0): its fpr and auc are NaN");
        }
        if (selected == 0) {
            notes.add("group " + name + " has no positive decisions: its precision is NaN");
        }
        double auc = pos > 0 && neg > 0 ? Metrics.auc(f, y) : Double.NaN;
        return new GroupRates(name, values, n, pos, (double) selected / n, Metrics.mean(f),
                pos > 0 ? (double) tp / pos : Double.NaN, neg > 0 ? (double) fp / neg : Double.NaN,
                selected > 0 ? (double) tp / selected : Double.NaN, auc);
    }

    /** [min, max] of a rate over the groups where it is defined; NaNs when fewer than two are. */
    private double[] range(ToDoubleFunction<GroupRates> rate) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int defined = 0;
        for (GroupRates g : groups) {
            double v = rate.applyAsDouble(g);
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                defined++;
            }
        }
        return defined < 2 ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }

    // ---------------------------------------------------------------- accessors

    /** The sensitive attributes the groups are formed from (several: intersectional groups). */
    public List<String> sensitive() {
        return sensitive;
    }

    /** The decision threshold: decisions are output &gt;= threshold, on {@link #scale()}. */
    public double threshold() {
        return threshold;
    }

    public OutputScale scale() {
        return scale;
    }

    /** Rows evaluated. */
    public int rows() {
        return rows;
    }

    /** One entry per group, in the report's order (sorted values; intersections in lexicographic order). */
    public List<GroupRates> groups() {
        return groups;
    }

    /** A group by its label (e.g. "Female", or "Female, White" for intersections). */
    public GroupRates group(String label) {
        return find(label).orElseThrow(() -> new IllegalArgumentException("no group " + label + " among "
                + groups.stream().map(GroupRates::group).toList()));
    }

    public Optional<GroupRates> find(String label) {
        return groups.stream().filter(g -> g.group().equals(label)).findFirst();
    }

    /** max - min of the groups' selection rates. */
    public double demographicParityDifference() {
        return dpDifference;
    }

    /** min / max of the groups' selection rates (1 = parity). */
    public double demographicParityRatio() {
        return dpRatio;
    }

    /** max of the TPR and FPR differences between groups. */
    public double equalizedOddsDifference() {
        return eoDifference;
    }

    /** max - min of the groups' true-positive rates. */
    public double equalOpportunityDifference() {
        return eoppDifference;
    }

    /** Whether the parity ratio is at least 4/5; false when it is undefined (see the notes). */
    public boolean passesFourFifthsRule() {
        return dpRatio >= FOUR_FIFTHS;
    }

    /** Why a value is NaN: empty groups, groups with one class only, no positive decisions. */
    public List<String> notes() {
        return notes;
    }

    // ---------------------------------------------------------------- views

    /**
     * One row per group: group (and one column per sensitive attribute when there are several), count, positives,
     * selection_rate, mean_output, tpr, fpr, precision, auc.
     */
    @Override
    public Table toTable() {
        Table t = Table.create("fairness by " + String.join(" x ", sensitive) + " (" + scale.label() + " >= "
                + threshold + ")");
        t.addColumns(StringColumn.create("group", groups.stream().map(GroupRates::group).toList()));
        if (sensitive.size() > 1) {
            for (int a = 0; a < sensitive.size(); a++) {
                int col = a;
                t.addColumns(StringColumn.create(sensitive.get(a), groups.stream().map(g -> g.values().get(col)).toList()));
            }
        }
        t.addColumns(IntColumn.create("count", groups.stream().mapToInt(GroupRates::count).toArray()),
                IntColumn.create("positives", groups.stream().mapToInt(GroupRates::positives).toArray()),
                column("selection_rate", GroupRates::selectionRate), column("mean_output", GroupRates::meanOutput),
                column("tpr", GroupRates::tpr), column("fpr", GroupRates::fpr),
                column("precision", GroupRates::precision), column("auc", GroupRates::auc));
        return t;
    }

    /** The summaries as rows (metric, value); the four-fifths rule as 1 (passes) or 0. */
    public Table summaryTable() {
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn value = DoubleColumn.create("value");
        for (Map.Entry<String, Object> e : summaryMap().entrySet()) {
            metric.append(e.getKey());
            value.append(e.getValue() instanceof Boolean b ? (b ? 1 : 0)
                    : e.getValue() == null ? Double.NaN : ((Number) e.getValue()).doubleValue());
        }
        return Table.create("fairness summary", metric, value);
    }

    /**
     * Ordered fields for JSON (the {@code fairness} command writes them): sensitive, threshold, output, rows, groups
     * (each with group, count, selection_rate, mean_output, tpr, fpr, precision, auc), the four summaries,
     * four_fifths_rule (null when the ratio is undefined) and notes. NaN stays NaN.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sensitive", sensitive);
        m.put("threshold", threshold);
        m.put("output", scale.label());
        m.put("rows", rows);
        List<Map<String, Object>> list = new ArrayList<>();
        for (GroupRates g : groups) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("group", g.group());
            gm.put("count", g.count());
            gm.put("selection_rate", g.selectionRate());
            gm.put("mean_output", g.meanOutput());
            gm.put("tpr", g.tpr());
            gm.put("fpr", g.fpr());
            gm.put("precision", g.precision());
            gm.put("auc", g.auc());
            list.add(gm);
        }
        m.put("groups", list);
        m.putAll(summaryMap());
        m.put("notes", notes);
        return m;
    }

    private Map<String, Object> summaryMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("demographic_parity_difference", dpDifference);
        m.put("demographic_parity_ratio", dpRatio);
        m.put("equalized_odds_difference", eoDifference);
        m.put("equal_opportunity_difference", eoppDifference);
        m.put("four_fifths_rule", Double.isNaN(dpRatio) ? null : passesFourFifthsRule());
        return m;
    }

    private DoubleColumn column(String name, ToDoubleFunction<GroupRates> f) {
        return DoubleColumn.create(name, groups.stream().mapToDouble(f).toArray());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Fairness by %s: %d rows, %d groups, decisions "
                + "%s >= %s%n", String.join(" x ", sensitive), rows, groups.size(), scale.label(), threshold));
        for (GroupRates g : groups) {
            sb.append(String.format(Locale.ROOT, "  %-24s n %6d  selection %.4f  mean output %.4f  tpr %.4f  fpr %.4f"
                            + "  precision %.4f  auc %.4f%n", g.group(), g.count(), g.selectionRate(), g.meanOutput(),
                    g.tpr(), g.fpr(), g.precision(), g.auc()));
        }
        sb.append(String.format(Locale.ROOT, "  demographic parity difference %.4f, ratio %.4f (%s the four-fifths "
                        + "rule); equalized odds difference %.4f; equal opportunity difference %.4f%n", dpDifference,
                dpRatio, Double.isNaN(dpRatio) ? "undefined for" : passesFourFifthsRule() ? "passes" : "fails",
                eoDifference, eoppDifference));
        for (String note : notes) {
            sb.append("  note: ").append(note).append('\n');
        }
        return sb.toString();
    }
}
