package org.foolshap.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains XGBoost (xgboost4j, {@code binary:logistic}) and reads the booster back through its own JSON model
 * ({@link XGBoostJson}), so the ensemble explained is exactly the one XGBoost predicts with. Deterministic: one
 * thread, the {@code hist} method, a fixed seed, no subsampling. Categorical features enter as their level codes
 * (ordered splits on the codes, as a user passing codes to XGBoost gets).
 */
final class XGBoostTraining {
    /** A trained booster: its JSON model file and the ensemble read from it. */
    record Trained(byte[] json, TreeEnsemble model) {
    }

    private XGBoostTraining() {
    }

    static Trained fit(double[][] x, int[] y, int rounds, int maxDepth, long seed) {
        int n = x.length;
        int d = x[0].length;
        float[] data = new float[n * d];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                data[i * d + j] = (float) x[i][j];
            }
            labels[i] = y[i];
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "binary:logistic");
        params.put("eta", 0.1);
        params.put("max_depth", maxDepth);
        params.put("tree_method", "hist");
        params.put("nthread", 1);
        params.put("seed", seed);
        params.put("verbosity", 0);
        try {
            DMatrix train = new DMatrix(data, n, d, Float.NaN);
            try {
                train.setLabel(labels);
                Booster booster = XGBoost.train(train, params, rounds, Map.of(), null, null);
                try {
                    var out = new ByteArrayOutputStream();
                    booster.saveModel(out, "json");
                    byte[] json = out.toByteArray();
                    var root = com.google.gson.JsonParser.parseString(new String(json, StandardCharsets.UTF_8))
                            .getAsJsonObject();
                    return new Trained(json, (TreeEnsemble) XGBoostJson.parse(root).model());
                } finally {
                    booster.dispose();
                }
            } finally {
                train.dispose();
            }
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
    }
}
