package org.foolshap.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foolshap.shap.Explanation;

/**
 * Colours rows by one feature's value, as shap's beeswarm and dependence plots do: a numeric feature on the
 * blue-to-red {@link Palette#gradient} between its 5th and 95th percentiles (quantised to {@link #STEPS} colours, one
 * series each), a categorical feature with one {@link Palette#level} colour per level (levels in code order; past
 * {@link #MAX_LEVELS} the rarer ones share a grey "other levels").
 */
final class ValueColors {
    static final int STEPS = 12;
    static final int MAX_LEVELS = 8;
    static final Color OTHER = new Color(0xB0B0B0);

    /** Rows drawn in one colour; {@code label} is null for gradient steps, which the legend does not list. */
    record Bucket(String label, Color color, int[] rows) {
    }

    private ValueColors() {
    }

    static List<Bucket> of(Explanation e, String feature) {
        return e.isCategorical(feature) ? levels(e, feature) : steps(e.featureValues(feature));
    }

    /** Position in [0, 1] of every value between the 5th and 95th percentiles (min and max if those coincide). */
    static double[] scaled(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double lo = quantile(sorted, 0.05);
        double hi = quantile(sorted, 0.95);
        if (hi <= lo) {
            lo = sorted[0];
            hi = sorted[sorted.length - 1];
        }
        double[] t = new double[v.length];
        for (int r = 0; r < v.length; r++) {
            t[r] = hi > lo ? Math.max(0, Math.min(1, (v[r] - lo) / (hi - lo))) : 0.5;
        }
        return t;
    }

    static List<Bucket> steps(double[] v) {
        double[] t = scaled(v);
        List<List<Integer>> rows = new ArrayList<>();
        for (int k = 0; k < STEPS; k++) {
            rows.add(new ArrayList<>());
        }
        for (int r = 0; r < t.length; r++) {
            rows.get(Math.min(STEPS - 1, (int) Math.floor(t[r] * STEPS))).add(r);
        }
        List<Bucket> out = new ArrayList<>();
        for (int k = 0; k < STEPS; k++) {
            if (!rows.get(k).isEmpty()) {
                out.add(new Bucket(null, Palette.gradient((k + 0.5) / STEPS), toArray(rows.get(k))));
            }
        }
        return out;
    }

    static List<Bucket> levels(Explanation e, String feature) {
        List<String> level = e.levels(feature).orElseThrow();
        double[] code = e.featureValues(feature);
        Map<String, List<Integer>> byLevel = new LinkedHashMap<>();
        Map<String, Double> codeOf = new LinkedHashMap<>();
        for (int r = 0; r < level.size(); r++) {
            byLevel.computeIfAbsent(level.get(r), k -> new ArrayList<>()).add(r);
            codeOf.putIfAbsent(level.get(r), code[r]);
        }
        List<String> names = new ArrayList<>(byLevel.keySet());
        names.sort(Comparator.comparingDouble(codeOf::get));
        List<String> shown = new ArrayList<>(names);
        if (names.size() > MAX_LEVELS) {
            shown.sort(Comparator.comparingInt((String l) -> -byLevel.get(l).size()));
            shown = new ArrayList<>(shown.subList(0, MAX_LEVELS - 1));
            List<String> keep = shown;
            shown = names.stream().filter(keep::contains).toList();
        }
        List<Bucket> out = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (String l : names) {
            if (shown.contains(l)) {
                // the colour follows the level's code, so a level keeps its colour in every figure of the feature
                out.add(new Bucket(feature + ": " + l, Palette.level((int) Math.round(codeOf.get(l))),
                        toArray(byLevel.get(l))));
            } else {
                others.addAll(byLevel.get(l));
            }
        }
        if (!others.isEmpty()) {
            out.add(new Bucket(feature + ": " + (names.size() - shown.size()) + " other levels", OTHER,
                    toArray(others)));
        }
        return out;
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    static int[] toArray(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }
}
