package org.foolshap.experiment;

import java.util.List;
import java.util.Locale;

/**
 * One row of the reproduction grid (results.csv): a dataset x model x seed run of the paper's protocol
 * (Section 5): honest SHAP, Fool SHAP, brute force and genetic baselines, and the final audit.
 * Relative decreases are fractions (0.9 = a 90% decrease of |Phi_s|). genetic_generations and genetic_seconds are
 * the genetic baseline's generation count and wall time (0 when the baselines were off).
 */
public record ResultRow(String dataset, String model, int seed, int foreground, int background,
                        double demographicParity, double phiBefore, int rankBefore, double phiFoolShap,
                        int rankFoolShap, double phiBrute, double phiGenetic, double decreaseFoolShap,
                        double decreaseBrute, double decreaseGenetic, double lambda, double detectionRate,
                        boolean detectedFinal, double seconds, int geneticGenerations, double geneticSeconds,
                        String scale, String explainer, String hyperparameters, double phiFull,
                        double decreaseFull, double detectionRateFresh, int freshDraws, String lambdaGrid) {

    public static final List<String> COLUMNS = List.of("dataset", "model", "seed", "n_foreground", "n_background",
            "demographic_parity", "phi_s_before", "rank_before", "phi_s_foolshap", "rank_foolshap", "phi_s_brute",
            "phi_s_genetic", "relative_decrease_foolshap", "relative_decrease_brute", "relative_decrease_genetic",
            "lambda", "detection_rate", "detected_final", "seconds", "genetic_generations", "genetic_seconds",
            "scale", "explainer", "hyperparameters", "phi_s_full", "relative_decrease_full", "detection_rate_fresh",
            "fresh_draws", "lambda_grid");

    /** The run's identity, used to skip finished runs when a study is resumed. */
    public String key() {
        return key(dataset, model, seed);
    }

    public static String key(String dataset, String model, int seed) {
        return dataset + "/" + model + "/" + seed;
    }

    /** 1 - |after| / |before|: the relative decrease in amplitude. */
    public static double decrease(double before, double after) {
        return before == 0 ? 0 : 1 - Math.abs(after) / Math.abs(before);
    }

    public String csv() {
        return String.join(",", dataset, model, Integer.toString(seed), Integer.toString(foreground),
                Integer.toString(background), num(demographicParity), num(phiBefore), Integer.toString(rankBefore),
                num(phiFoolShap), Integer.toString(rankFoolShap), num(phiBrute), num(phiGenetic),
                num(decreaseFoolShap), num(decreaseBrute), num(decreaseGenetic), num(lambda), num(detectionRate),
                Boolean.toString(detectedFinal), String.format(Locale.ROOT, "%.1f", seconds),
                Integer.toString(geneticGenerations), String.format(Locale.ROOT, "%.1f", geneticSeconds), scale,
                explainer, hyperparameters, num(phiFull), num(decreaseFull), num(detectionRateFresh),
                Integer.toString(freshDraws), lambdaGrid);
    }

    public static ResultRow parse(String line) {
        String[] c = line.split(",", -1);
        if (c.length != COLUMNS.size()) {
            throw new IllegalArgumentException("results row has " + c.length + " fields, expected " + COLUMNS.size()
                    + ": " + line);
        }
        return new ResultRow(c[0], c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3]), Integer.parseInt(c[4]),
                Double.parseDouble(c[5]), Double.parseDouble(c[6]), Integer.parseInt(c[7]), Double.parseDouble(c[8]),
                Integer.parseInt(c[9]), Double.parseDouble(c[10]), Double.parseDouble(c[11]),
                Double.parseDouble(c[12]), Double.parseDouble(c[13]), Double.parseDouble(c[14]),
                Double.parseDouble(c[15]), Double.parseDouble(c[16]), Boolean.parseBoolean(c[17]),
                Double.parseDouble(c[18]), Integer.parseInt(c[19]), Double.parseDouble(c[20]), c[21], c[22], c[23],
                Double.parseDouble(c[24]), Double.parseDouble(c[25]), Double.parseDouble(c[26]),
                Integer.parseInt(c[27]), c[28]);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6g", v);
    }
}
