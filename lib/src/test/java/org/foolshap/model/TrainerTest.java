package org.foolshap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.foolshap.Progress;
import org.junit.jupiter.api.Test;

/** Every model family trains, predicts a sensible output, and is deterministic given the seed. */
class TrainerTest {
    private final double[][] train = RandomData.rows(1500, 1);
    private final int[] y = RandomData.labels(train, 2);
    private final double[][] test = RandomData.rows(500, 3);
    private final int[] yTest = RandomData.labels(test, 4);

    @Test
    void everyKindLearnsTheSignal() {
        for (ModelKind kind : ModelKind.values()) {
            if (!kind.trainable()) {
                continue;
            }
            Model m = Trainer.of(kind).withSeed(7).fit(RandomData.FEATURES, train, y);
            assertEquals(5, m.width());
            int correct = 0;
            for (int i = 0; i < test.length; i++) {
                double out = m.output(test[i]);
                double p = kind.scale() == OutputScale.LOG_ODDS ? 1 / (1 + Math.exp(-out)) : out;
                assertTrue(p >= 0 && p <= 1, kind + " output " + out);
                correct += (p > 0.5 ? 1 : 0) == yTest[i] ? 1 : 0;
            }
            assertTrue(correct > 0.75 * test.length, kind + " accuracy " + correct / (double) test.length);
        }
    }

    @Test
    void sameSeedSameModel() {
        for (ModelKind kind : new ModelKind[] {ModelKind.RF, ModelKind.GBT, ModelKind.MLP}) {
            Model a = Trainer.of(kind).withSeed(3).fit(RandomData.FEATURES, train, y);
            Model b = Trainer.of(kind).withSeed(3).fit(RandomData.FEATURES, train, y);
            for (double[] row : test) {
                assertEquals(a.output(row), b.output(row), 0, kind.id());
            }
        }
    }

    @Test
    void singleClassTargetIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(ModelKind.RF).fit(RandomData.FEATURES, train, new int[train.length]));
        assertEquals("the target has a single class; a classifier needs both 0 and 1", e.getMessage());
    }

    /** A fit reports one stage, "training KIND", from 0 of 1 to 1 of 1: to its listener, or to the ambient one. */
    @Test
    void fittingReportsItsStageToTheListenerOrTheAmbientSink() {
        List<String> seen = new ArrayList<>();
        Progress record = (stage, done, total) -> seen.add(stage + " " + done + "/" + total);
        Trainer.of(ModelKind.TREE).withProgress(record).fit(RandomData.FEATURES, train, y);
        assertEquals(List.of("training tree 0/1", "training tree 1/1"), seen);

        seen.clear();
        Progress.install(record);
        try {
            Trainer.of(ModelKind.LOGISTIC).fit(RandomData.FEATURES, train, y);
        } finally {
            Progress.install(Progress.NONE);
        }
        assertEquals(List.of("training logistic 0/1", "training logistic 1/1"), seen);
    }
}
