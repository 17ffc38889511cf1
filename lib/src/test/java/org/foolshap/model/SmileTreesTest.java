package org.foolshap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;

/** The extracted tree view reproduces Smile's own predictions, including nominal splits. */
class SmileTreesTest {
    private static final Formula Y = Formula.lhs(SmileFrames.TARGET);
    private final double[][] train = RandomData.rows(600, 1);
    private final int[] y = RandomData.labels(train, 2);
    private final double[][] test = RandomData.rows(400, 3);
    private final DataFrame testFrame = SmileFrames.frame(RandomData.FEATURES, test, new int[test.length]);

    @Test
    void randomForestMatchesSoftPrediction() {
        var forest = RandomForest.fit(Y, SmileFrames.frame(RandomData.FEATURES, train, y), 30, 2, SplitRule.GINI,
                8, 200, 3, 0.8, null, LongStream.range(0, 30));
        TreeEnsemble view = SmileTrees.of(forest, 5);
        assertNominalSplits(view);
        for (int i = 0; i < test.length; i++) {
            double[] post = new double[2];
            forest.predict(testFrame.get(i), post);
            assertEquals(post[1], view.output(test[i]), 1e-12, "row " + i);
        }
    }

    @Test
    void boostedTreesGiveLogOddsOfSmileProbability() {
        var boost = GradientTreeBoost.fit(Y, SmileFrames.frame(RandomData.FEATURES, train, y), 40, 4, 16, 3, 0.1, 0.8);
        TreeEnsemble view = SmileTrees.of(boost, 5);
        assertNominalSplits(view);
        for (int i = 0; i < test.length; i++) {
            double[] post = new double[2];
            boost.predict(testFrame.get(i), post);
            double p = 1 / (1 + Math.exp(-view.output(test[i])));
            assertEquals(post[1], p, 1e-12, "row " + i);
        }
    }

    @Test
    void decisionTreeMatchesPosterior() {
        var tree = DecisionTree.fit(Y, SmileFrames.frame(RandomData.FEATURES, train, y), SplitRule.GINI, 10, 100, 2);
        TreeEnsemble view = SmileTrees.of(tree, 5);
        assertNominalSplits(view);
        for (int i = 0; i < test.length; i++) {
            double[] post = new double[2];
            tree.predict(testFrame.get(i), post);
            assertEquals(post[1], view.output(test[i]), 1e-12, "row " + i);
        }
    }

    private static void assertNominalSplits(TreeEnsemble view) {
        boolean nominal = false;
        for (Tree t : view.trees()) {
            for (int n = 0; n < t.size(); n++) {
                nominal |= !t.leaf(n) && t.nominal(n);
            }
        }
        assertTrue(nominal, "the test data should produce at least one nominal split");
    }
}
