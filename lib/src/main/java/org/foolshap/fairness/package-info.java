/**
 * Group fairness of a model's decisions, as fairlearn's {@code MetricFrame} and AIF360's {@code ClassificationMetric}
 * report it: per group (one sensitive column, or the intersections of several) the count, selection rate, mean
 * output, true- and false-positive rates, precision and AUC, and the demographic-parity difference and ratio, the
 * equalized-odds and equal-opportunity differences and the four-fifths rule.
 *
 * <ul>
 *   <li>{@link org.foolshap.fairness.FairnessMetrics}: configured with a model and a decision threshold on its output
 *   scale (decisions are output &gt;= threshold), evaluated on a dataset, a split's test rows, an audit setting or
 *   any table; a lower tier takes outputs, labels and group labels.</li>
 *   <li>{@link org.foolshap.fairness.FairnessReport}: the immutable result, a table ({@code toTable()}), a JSON-ready
 *   map and a figure input ({@code Figures.fairness}); {@link org.foolshap.fairness.GroupRates} one group.</li>
 * </ul>
 *
 * <p>Undefined rates are NaN with a note, never an exception mid-report: an empty intersection, a group without
 * positives (no TPR, no AUC) or without negatives (no FPR), no positive decisions (no precision). The gap these
 * metrics summarise is the one SHAP's group attributions decompose: sum_i Phi_i(f, D_0, D_1) is the difference of
 * the two groups' mean outputs ({@code meanOutput} here).
 */
package org.foolshap.fairness;
