package org.foolshap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.data.Mirror;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
    @TempDir
    Path dir;

    /** Integration: a paper-like random forest on Adult's split 0 reaches the usual AUC (about 0.90). */
    @Test
    void adultRandomForestReachesTheUsualAuc() throws Exception {
        Path mirror = Mirror.require("adult", "adult.data", "adult.test");
        Dataset adult = Datasets.load("adult", mirror);
        Training.Result r = Training.run(adult, Trainer.of(ModelKind.RF).withTrees(100), 0);
        Evaluation e = r.evaluation();
        assertTrue(e.testAuc() >= 0.88, "test AUC " + e.testAuc());
        assertTrue(e.testAccuracy() >= 0.83, "test accuracy " + e.testAccuracy());
        // Women get lower scores than men (the disparity the paper's attack hides).
        assertTrue(e.demographicParity() < -0.1, "parity " + e.demographicParity());
        assertEquals(16_192, e.foregroundRows());
        assertEquals("adult", r.modelFile().info().get("dataset"));
        assertEquals("gender", r.modelFile().info().get("sensitive"));
        assertEquals("Female", r.modelFile().info().get("protected"));
        // Saved and loaded, the model gives the same outputs on raw table rows.
        Path file = dir.resolve("adult.model");
        r.modelFile().save(file);
        ModelFile back = ModelFile.load(file);
        double[][] x = back.features().encode(adult.rows(new int[] {0, 1, 2, 3, 4}));
        for (int i = 0; i < x.length; i++) {
            assertEquals(r.modelFile().model().output(x[i]), back.model().output(x[i]), 1e-12);
        }
    }

    @Test
    void everyKindLearnsTheToyDataset() {
        Dataset toy = Datasets.toy(3000, 1);
        for (ModelKind kind : ModelKind.values()) {
            Evaluation e = Training.run(toy, Trainer.of(kind).withSeed(1), 1).evaluation();
            assertTrue(e.testAuc() > 0.8, kind + " test AUC " + e.testAuc());
            assertTrue(e.demographicParity() < 0, kind + " parity " + e.demographicParity());
            assertEquals(600, e.testRows(), 1);
        }
    }

    @Test
    void randomSearchReturnsAConfiguredTrainerOfTheSameKind() {
        Dataset toy = Datasets.toy(1500, 2);
        Trainer best = RandomSearch.of(3).withSeed(5).best(Trainer.of(ModelKind.TREE), toy, 0);
        assertEquals(ModelKind.TREE, best.kind());
        assertTrue(best.maxDepth() >= 3 && best.maxDepth() <= 14);
    }

    @Test
    void trainingIsDeterministicGivenTheSeed() {
        Dataset toy = Datasets.toy(1000, 3);
        double a = Training.run(toy, Trainer.of(ModelKind.RF).withTrees(20).withSeed(4), 4).evaluation().testAuc();
        double b = Training.run(toy, Trainer.of(ModelKind.RF).withTrees(20).withSeed(4), 4).evaluation().testAuc();
        assertEquals(a, b);
    }
}
