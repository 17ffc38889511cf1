package org.foolshap.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Test;

/** train --model xgb: xgboost4j 3.4 trains, its 3.x JSON is read, and the ensemble is what the booster predicts. */
class XGBoostTrainingTest {
    @Test
    void theEnsembleIsWhatTheBoosterPredictsNaNIncluded() throws Exception {
        double[][] x = RandomData.rows(500, 1);
        int[] y = RandomData.labels(x, 2);
        var trained = XGBoostTraining.fit(x, y, 30, 3, 5);
        String json = new String(trained.json(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"version\":[3,"), "xgboost4j 3.x writes its own JSON format");
        // rows with missing values: NaN goes each node's default direction, as in XGBoost
        double[][] test = RandomData.rows(200, 3);
        SplittableRandom rng = new SplittableRandom(4);
        for (double[] r : test) {
            for (int j = 0; j < r.length; j++) {
                if (rng.nextDouble() < 0.2) {
                    r[j] = Double.NaN;
                }
            }
        }
        int d = test[0].length;
        float[] flat = new float[test.length * d];
        for (int i = 0; i < test.length; i++) {
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = (float) test[i][j];
            }
        }
        Booster booster = XGBoost.loadModel(trained.json());
        DMatrix m = new DMatrix(flat, test.length, d, Float.NaN);
        float[][] margin = booster.predict(m, true);
        float[][] probability = booster.predict(m, false);
        for (int i = 0; i < test.length; i++) {
            assertEquals(margin[i][0], trained.model().output(test[i]), 1e-6, Arrays.toString(test[i]));
            assertEquals(probability[i][0], new LogisticOutput(trained.model()).output(test[i]), 1e-6);
        }
        m.dispose();
        booster.dispose();
        // deterministic
        assertArrayEquals(trained.json(), XGBoostTraining.fit(x, y, 30, 3, 5).json());
        // TreeSHAP = exact enumeration
        var tree = Explainers.tree(trained.model());
        var exact = Explainers.exact(trained.model());
        for (int a = 0; a < 5; a++) {
            for (int b = 5; b < 10; b++) {
                assertArrayEquals(exact.phi(x[a], x[b]), tree.phi(x[a], x[b]), 1e-9);
            }
        }
    }
}
