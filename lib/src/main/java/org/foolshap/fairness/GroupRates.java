package org.foolshap.fairness;

import java.util.List;
import java.util.Objects;

/**
 * The metrics of one group (one row of fairlearn's {@code MetricFrame.by_group}), at a decision threshold t on the
 * model's output scale, decisions d = [f(x) &gt;= t]. Rates that are undefined for the group are NaN: all of them for
 * an empty group, tpr and auc without positives, fpr and auc without negatives, precision without positive decisions.
 *
 * @param group         the group's label: the sensitive value, or the values of several attributes joined by ", "
 * @param values        the value of each sensitive attribute, in the report's attribute order
 * @param count         rows in the group
 * @param positives     rows with label 1
 * @param selectionRate mean d: the share of positive decisions
 * @param meanOutput    mean f(x), on the model's output scale
 * @param tpr           true-positive rate P(d = 1 | y = 1)
 * @param fpr           false-positive rate P(d = 1 | y = 0)
 * @param precision     P(y = 1 | d = 1)
 * @param auc           area under the ROC curve of f within the group, ties counting one half
 */
public record GroupRates(String group, List<String> values, int count, int positives, double selectionRate,
                         double meanOutput, double tpr, double fpr, double precision, double auc) {
    public GroupRates {
        Objects.requireNonNull(group, "group");
        values = List.copyOf(values);
        if (count < 0 || positives < 0 || positives > count) {
            throw new IllegalArgumentException("group " + group + ": " + positives + " positives among " + count
                    + " rows");
        }
    }

    /** Rows with label 0. */
    public int negatives() {
        return count - positives;
    }

    /** The share of rows with label 1 (AIF360's base rate); NaN for an empty group. */
    public double baseRate() {
        return count == 0 ? Double.NaN : (double) positives / count;
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
