package org.foolshap.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sensitivity of the reproduction to the audit's sample size M and level alpha (issue 12): one dataset run at
 * every M in {@link #MS} x alpha in {@link #ALPHAS}, summarised as a Markdown table of medians over its runs with
 * 95% bootstrap intervals ({@link Summary#bootstrap}). Pure functions of the rows.
 */
public final class Sensitivity {
    /** Sample sizes of the table. */
    public static final List<Integer> MS = List.of(100, 200, 400);
    /** Significance levels of the table. */
    public static final List<Double> ALPHAS = List.of(0.01, 0.05);

    private Sensitivity() {
    }

    /** The folder of one cell under the output's sensitivity/: {@code m200-alpha0.05}. */
    public static String folder(int m, double alpha) {
        return "m" + m + "-alpha" + alpha;
    }

    /** The key of one cell: {@code M=200 alpha=0.05}. */
    public static String label(int m, double alpha) {
        return "M=" + m + " alpha=" + alpha;
    }

    /**
     * One line per cell (in the map's order): runs, median Fool SHAP decrease (vs one honest sample and vs the full
     * background) with intervals, brute force and genetic decreases, median detection rate at lambda* (sweep and
     * fresh draws) and final audits detected.
     */
    public static String markdown(String dataset, Map<String, List<ResultRow>> cells) {
        StringBuilder sb = new StringBuilder();
        sb.append("Sensitivity on ").append(dataset).append(" (medians over runs, 95% bootstrap intervals):\n\n");
        sb.append("| M, alpha | runs | Fool SHAP | Fool SHAP vs full background | brute force | genetic "
                + "| detection rate (sweep) | detection rate (fresh) | final audit detected |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        cells.forEach((label, rows) -> {
            if (rows.isEmpty()) {
                sb.append("| ").append(label).append(" | 0 | | | | | | | |\n");
                return;
            }
            long seed = label.hashCode();
            int detected = (int) rows.stream().filter(ResultRow::detectedFinal).count();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %.1f%% | %.1f%% | %d/%d |%n", label,
                    rows.size(), Summary.text(Summary.bootstrap(rows, ResultRow::decreaseFoolShap, seed)),
                    Summary.text(Summary.bootstrap(rows, ResultRow::decreaseFull, seed + 1)),
                    Summary.text(Summary.bootstrap(rows, ResultRow::decreaseBrute, seed + 2)),
                    Summary.text(Summary.bootstrap(rows, ResultRow::decreaseGenetic, seed + 3)),
                    100 * Summary.median(rows, ResultRow::detectionRate),
                    100 * Summary.median(rows, ResultRow::detectionRateFresh), detected, rows.size()));
        });
        return sb.toString();
    }
}
