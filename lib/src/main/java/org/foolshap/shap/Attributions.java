package org.foolshap.shap;

import org.foolshap.Tabular;
import org.foolshap.model.OutputScale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Global attributions Phi_i(f, F, B) = mean over x in F, z in B of phi_i(f, x, z), with confidence-interval
 * half-widths, and the two base values mean f(F) and mean f(B) (so sum_i Phi_i = foregroundMean - backgroundMean).
 * The one result every explainer produces and every figure takes.
 */
public record Attributions(List<String> features, double[] values, double[] halfWidths, double foregroundMean,
                           double backgroundMean, double confidence, OutputScale scale) implements Tabular {
    public Attributions {
        java.util.Objects.requireNonNull(scale, "scale");
        features = List.copyOf(features);
        values = values.clone();
        halfWidths = halfWidths.clone();
        if (values.length != features.size() || halfWidths.length != features.size()) {
            throw new IllegalArgumentException(features.size() + " features but " + values.length + " values and "
                    + halfWidths.length + " half-widths");
        }
    }

    /** Attributions of a probability output. */
    public Attributions(List<String> features, double[] values, double[] halfWidths, double foregroundMean,
                        double backgroundMean, double confidence) {
        this(features, values, halfWidths, foregroundMean, backgroundMean, confidence, OutputScale.PROBABILITY);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] halfWidths() {
        return halfWidths.clone();
    }

    public int size() {
        return features.size();
    }

    /** Phi of one feature by name. */
    public double value(String feature) {
        return values[index(feature)];
    }

    public double halfWidth(String feature) {
        return halfWidths[index(feature)];
    }

    /** Position of a feature when features are sorted by |Phi|, 1 = most important. */
    public int rank(String feature) {
        double a = Math.abs(value(feature));
        int rank = 1;
        for (double v : values) {
            if (Math.abs(v) > a) {
                rank++;
            }
        }
        return rank;
    }

    /** sum_i Phi_i; equals the gap foregroundMean - backgroundMean (the demographic-parity gap for groups). */
    public double total() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    public double gap() {
        return foregroundMean - backgroundMean;
    }

    /** Feature names sorted by decreasing |Phi|. */
    public List<String> byImportance() {
        List<String> names = new ArrayList<>(features);
        names.sort(Comparator.comparingDouble((String f) -> -Math.abs(value(f))));
        return names;
    }

    public int index(String feature) {
        int i = features.indexOf(feature);
        if (i < 0) {
            throw new IllegalArgumentException("feature " + feature + " is not among the attributions " + features);
        }
        return i;
    }

    /** A table with columns feature, phi, ci_half_width, rank (features in model order). */
    @Override
    public Table toTable() {
        IntColumn rank = IntColumn.create("rank");
        for (String f : features) {
            rank.append(rank(f));
        }
        return Table.create("attributions",
                StringColumn.create("feature", features),
                DoubleColumn.create("phi", values),
                DoubleColumn.create("ci_half_width", halfWidths),
                rank);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Attributions on the " + scale.label() + " (" + Math.round(confidence * 100) + "% CI)\n");
        for (String f : byImportance()) {
            sb.append(String.format("  %-20s %+.5f ± %.5f%n", f, value(f), halfWidth(f)));
        }
        sb.append(String.format("  %-20s %+.5f (= %.5f - %.5f)%n", "total", total(), foregroundMean, backgroundMean));
        return sb.toString();
    }
}
