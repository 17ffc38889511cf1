package org.foolshap.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a trained model does on one split: test AUC and accuracy (outputs thresholded at 0.5 for probabilities,
 * 0 for log-odds), train AUC, and, when the dataset has a sensitive attribute, the demographic-parity gap
 * mean f(D_0) - mean f(D_1) over the whole dataset (D_0 the protected group) on the explained output's scale.
 *
 * @param demographicParity NaN when there is no sensitive attribute (likewise the group means)
 */
public record Evaluation(String dataset, String model, String output, int seed, int trainRows, int testRows,
                         double trainAuc, double testAuc, double testAccuracy, double demographicParity,
                         double meanForeground, double meanBackground, int foregroundRows, int backgroundRows,
                         double seconds) {

    public boolean hasParity() {
        return !Double.isNaN(demographicParity);
    }

    /** Ordered fields for JSON; the group fields only when there is a sensitive attribute. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("model", model);
        m.put("output", output);
        m.put("seed", seed);
        m.put("train_rows", trainRows);
        m.put("test_rows", testRows);
        m.put("train_auc", trainAuc);
        m.put("test_auc", testAuc);
        m.put("test_accuracy", testAccuracy);
        if (hasParity()) {
            m.put("demographic_parity", demographicParity);
            m.put("mean_output_protected", meanForeground);
            m.put("mean_output_rest", meanBackground);
            m.put("protected_rows", foregroundRows);
            m.put("rest_rows", backgroundRows);
        }
        m.put("train_seconds", seconds);
        return m;
    }
}
