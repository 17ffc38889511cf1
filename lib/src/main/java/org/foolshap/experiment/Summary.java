package org.foolshap.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.foolshap.viz.Figures;
import org.knowm.xchart.XYChart;

/**
 * Medians of a study's results per dataset x model, the acceptance check, and the Figure-5-style chart.
 * Pure functions of the rows: a summary can be rebuilt from any results.csv.
 */
public final class Summary {
    /** Largest detection rate at lambda* that the acceptance check allows (the sweep's own threshold). */
    public static final double MAX_DETECTION_RATE = 0.10;

    private Summary() {
    }

    /** Bootstrap resamples behind each interval of a median. */
    public static final int BOOTSTRAP = 2000;

    /** A median with its 95% percentile-bootstrap interval ({@link #BOOTSTRAP} resamples of the runs, seeded). */
    public record Median(double value, double low, double high) {
    }

    /**
     * Medians over seeds of one dataset x model (model "all" when pooled over models). Decreases are fractions.
     *
     * @param decreaseFoolShap median decrease against one honest M-row sample, with its bootstrap interval
     * @param decreaseFull     median Fool SHAP decrease against the full background
     * @param detectionRate    median detection rate at lambda* in the sweep (R draws)
     * @param freshRate        median detection rate at lambda* re-estimated on fresh draws
     * @param detectedFinal    how many runs' final audit rejected the Fool SHAP sample
     */
    public record Line(String dataset, String model, int runs, double phiBefore, Median decreaseFoolShap,
                       Median decreaseBrute, Median decreaseGenetic, Median decreaseFull, double detectionRate,
                       double maxDetectionRate, double freshRate, int detectedFinal, double seconds) {
    }

    /** One line per dataset x model present in {@code rows}, in first-seen order. */
    public static List<Line> byDatasetAndModel(List<ResultRow> rows) {
        Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            groups.computeIfAbsent(r.dataset() + "\u0000" + r.model(), k -> new ArrayList<>()).add(r);
        }
        List<Line> out = new ArrayList<>();
        for (List<ResultRow> g : groups.values()) {
            out.add(line(g.get(0).dataset(), g.get(0).model(), g));
        }
        return out;
    }

    /** One line per dataset, pooled over models and seeds (model "all"). */
    public static List<Line> byDataset(List<ResultRow> rows) {
        Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            groups.computeIfAbsent(r.dataset(), k -> new ArrayList<>()).add(r);
        }
        List<Line> out = new ArrayList<>();
        groups.forEach((d, g) -> out.add(line(d, "all", g)));
        return out;
    }

    private static Line line(String dataset, String model, List<ResultRow> g) {
        int detected = 0;
        double maxRate = 0;
        for (ResultRow r : g) {
            detected += r.detectedFinal() ? 1 : 0;
            maxRate = Math.max(maxRate, r.detectionRate());
        }
        long seed = (dataset + "/" + model).hashCode();
        return new Line(dataset, model, g.size(), median(g, ResultRow::phiBefore),
                bootstrap(g, ResultRow::decreaseFoolShap, seed), bootstrap(g, ResultRow::decreaseBrute, seed + 1),
                bootstrap(g, ResultRow::decreaseGenetic, seed + 2), bootstrap(g, ResultRow::decreaseFull, seed + 3),
                median(g, ResultRow::detectionRate), maxRate, median(g, ResultRow::detectionRateFresh), detected,
                median(g, ResultRow::seconds));
    }

    /** The median of a column with its 95% percentile-bootstrap interval (NaN values left out). */
    static Median bootstrap(List<ResultRow> g, java.util.function.ToDoubleFunction<ResultRow> f, long seed) {
        double[] v = g.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).toArray();
        if (v.length == 0) {
            return new Median(Double.NaN, Double.NaN, Double.NaN);
        }
        double[] medians = new double[BOOTSTRAP];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        double[] resample = new double[v.length];
        for (int b = 0; b < BOOTSTRAP; b++) {
            for (int i = 0; i < v.length; i++) {
                resample[i] = v[rng.nextInt(v.length)];
            }
            medians[b] = median(resample);
        }
        java.util.Arrays.sort(medians);
        return new Median(median(v.clone()), medians[(int) Math.floor(0.025 * (BOOTSTRAP - 1))],
                medians[(int) Math.ceil(0.975 * (BOOTSTRAP - 1))]);
    }

    private static double median(double[] v) {
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /**
     * The acceptance: per dataset, Fool SHAP's median relative decrease beats brute force's; on every row,
     * the detection rate at lambda* is at most {@link #MAX_DETECTION_RATE}. Returns the failures (empty = pass).
     */
    public static List<String> acceptanceFailures(List<ResultRow> rows) {
        List<String> failures = new ArrayList<>();
        for (Line l : byDataset(rows)) {
            if (!(l.decreaseFoolShap().value() > l.decreaseBrute().value())) {
                failures.add(String.format(Locale.ROOT, "%s: Fool SHAP's median decrease %.1f%% does not beat brute"
                        + " force's %.1f%%", l.dataset(), 100 * l.decreaseFoolShap().value(),
                        100 * l.decreaseBrute().value()));
            }
        }
        for (ResultRow r : rows) {
            if (!(r.detectionRate() <= MAX_DETECTION_RATE)) {
                failures.add(String.format(Locale.ROOT, "%s: detection rate %.0f%% at lambda %.3g exceeds %.0f%%",
                        r.key(), 100 * r.detectionRate(), r.lambda(), 100 * MAX_DETECTION_RATE));
            }
        }
        return failures;
    }

    /** A fixed-width text table of the lines (decreases in %, medians with [95% bootstrap interval]). */
    public static String table(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-12s %-5s %4s %9s %-20s %-20s %-20s %8s %8s %8s %8s %6s %8s%n",
                "dataset", "model", "runs", "phi_s", "foolshap", "brute", "genetic", "vs.full", "det.rate",
                "max.det", "fresh", "final", "seconds"));
        for (Line l : lines) {
            sb.append(String.format(Locale.ROOT, "%-12s %-5s %4d %9.4f %-20s %-20s %-20s %7.1f%% %7.0f%% %7.0f%%"
                            + " %7.1f%% %3d/%-2d %8.1f%n", l.dataset(), l.model(), l.runs(), l.phiBefore(),
                    text(l.decreaseFoolShap()), text(l.decreaseBrute()), text(l.decreaseGenetic()),
                    100 * l.decreaseFull().value(), 100 * l.detectionRate(), 100 * l.maxDetectionRate(),
                    100 * l.freshRate(), l.detectedFinal(), l.runs(), l.seconds()));
        }
        return sb.toString();
    }

    /** "92.1% [80.3, 95.0]": a median decrease and its interval, in %. */
    static String text(Median m) {
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * m.value(), 100 * m.low(), 100 * m.high());
    }

    /** The same lines as a Markdown table (decreases in %, medians over seeds with 95% bootstrap intervals). */
    public static String markdown(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("| dataset | model | runs | median Phi_s before | Fool SHAP | brute force | genetic "
                + "| Fool SHAP vs full background | median detection rate | max detection rate "
                + "| median fresh detection rate | final audit detected | median seconds |\n");
        sb.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Line l : lines) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.4f | %s | %s | %s | %.1f%% | %.0f%% | %.0f%%"
                            + " | %.1f%% | %d/%d | %.0f |%n", l.dataset(), l.model(), l.runs(), l.phiBefore(),
                    text(l.decreaseFoolShap()), text(l.decreaseBrute()), text(l.decreaseGenetic()),
                    100 * l.decreaseFull().value(), 100 * l.detectionRate(), 100 * l.maxDetectionRate(),
                    100 * l.freshRate(), l.detectedFinal(), l.runs(), l.seconds()));
        }
        return sb.toString();
    }

    /**
     * The paper's Figure 5: relative decrease of |Phi_s| (%) per dataset, one dot per run (seeds and models pooled)
     * for brute force, genetic and Fool SHAP, with the mean as a bar.
     */
    public static XYChart figure5(List<ResultRow> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no results to draw: the study produced no rows");
        }
        Map<String, List<ResultRow>> byDataset = new LinkedHashMap<>();
        // the paper's column order (COMPAS, Adult, Marketing, C&C) whatever order the runs finished in
        List<ResultRow> ordered = new ArrayList<>(rows);
        ordered.sort(java.util.Comparator.comparingInt(r -> paperOrder(r.dataset())));
        for (ResultRow r : ordered) {
            byDataset.computeIfAbsent(r.dataset(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Map<String, double[]>> values = new LinkedHashMap<>();
        byDataset.forEach((d, g) -> {
            Map<String, double[]> methods = new LinkedHashMap<>();
            methods.put("brute force", percent(g, ResultRow::decreaseBrute));
            methods.put("genetic", percent(g, ResultRow::decreaseGenetic));
            methods.put("Fool SHAP", percent(g, ResultRow::decreaseFoolShap));
            values.put(d, methods);
        });
        return Figures.methodComparisonByDataset(values, "relative decrease of |\u03a6_s| (%)");
    }

    /** A dataset's place among the paper's Figure 5 columns; other datasets after them. */
    private static int paperOrder(String dataset) {
        int i = PaperGrid.DATASETS.indexOf(dataset);
        return i < 0 ? PaperGrid.DATASETS.size() : i;
    }

    /** Writes {@link #figure5} as a PNG. */
    public static Path writeFigure5(List<ResultRow> rows, Path file) {
        return Figures.png(figure5(rows), file);
    }

    private static double[] percent(List<ResultRow> g, java.util.function.ToDoubleFunction<ResultRow> f) {
        return g.stream().mapToDouble(f).map(v -> 100 * v).toArray();
    }

    static double median(List<ResultRow> g, java.util.function.ToDoubleFunction<ResultRow> f) {
        double[] v = g.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Pools calibration rows per dataset x model: false positives and draws summed, Wilson interval recomputed. */
    public static List<CalibrationRow> pooledCalibration(List<CalibrationRow> rows) {
        Map<String, List<CalibrationRow>> groups = new LinkedHashMap<>();
        for (CalibrationRow r : rows) {
            groups.computeIfAbsent(r.dataset() + "\u0000" + r.model(), k -> new ArrayList<>()).add(r);
        }
        List<CalibrationRow> out = new ArrayList<>();
        for (List<CalibrationRow> g : groups.values()) {
            int events = g.stream().mapToInt(CalibrationRow::falsePositives).sum();
            int trials = g.stream().mapToInt(CalibrationRow::draws).sum();
            org.foolshap.audit.Rate rate = org.foolshap.audit.Rate.of(events, trials, 0.95);
            out.add(new CalibrationRow(g.get(0).dataset(), g.get(0).model(), -1, trials, events, rate.value(),
                    rate.low(), rate.high(), g.get(0).significance()));
        }
        return out;
    }
}
