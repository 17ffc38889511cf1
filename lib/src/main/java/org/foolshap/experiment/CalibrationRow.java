package org.foolshap.experiment;

import java.util.List;
import java.util.Locale;

/**
 * One row of calibration.csv: the false-positive rate of the paper's audit (two KS tests and a Wald test per group,
 * Bonferroni to the study's significance) over honest uniform draws of S_0', S_1' from one model's outputs, with a
 * 95% Wilson interval. A calibrated audit stays at or below the significance.
 */
public record CalibrationRow(String dataset, String model, int seed, int draws, int falsePositives, double rate,
                             double low, double high, double significance) {

    public static final List<String> COLUMNS = List.of("dataset", "model", "seed", "draws", "false_positives",
            "false_positive_rate", "ci_low", "ci_high", "significance");

    public String key() {
        return ResultRow.key(dataset, model, seed);
    }

    public String csv() {
        return String.join(",", dataset, model, Integer.toString(seed), Integer.toString(draws),
                Integer.toString(falsePositives), num(rate), num(low), num(high), num(significance));
    }

    public static CalibrationRow parse(String line) {
        String[] c = line.split(",", -1);
        if (c.length != COLUMNS.size()) {
            throw new IllegalArgumentException("calibration row has " + c.length + " fields, expected "
                    + COLUMNS.size() + ": " + line);
        }
        return new CalibrationRow(c[0], c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3]), Integer.parseInt(c[4]),
                Double.parseDouble(c[5]), Double.parseDouble(c[6]), Double.parseDouble(c[7]),
                Double.parseDouble(c[8]));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
