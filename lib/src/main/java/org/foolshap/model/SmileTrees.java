package org.foolshap.model;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import smile.base.cart.CART;
import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.NominalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;

/**
 * Extracts the {@link TreeEnsemble} view from Smile 3.1.1 models. Smile keeps split values (package-private
 * {@code OrdinalNode.value}, {@code NominalNode.value}) and the boosting intercept and shrinkage (private
 * {@code GradientTreeBoost.b}, {@code shrinkage}) out of its public API, so this is the one place that reads
 * them by reflection; a test replays Smile's own predictions through the extracted view.
 */
public final class SmileTrees {
    private static final Field ORDINAL_VALUE = field(OrdinalNode.class, "value");
    private static final Field NOMINAL_VALUE = field(NominalNode.class, "value");
    private static final Field GBT_B = field(GradientTreeBoost.class, "b");
    private static final Field GBT_SHRINKAGE = field(GradientTreeBoost.class, "shrinkage");
    private static final Field GBT_K = field(GradientTreeBoost.class, "k");

    private SmileTrees() {
    }

    /**
     * Soft random forest: sum_t w_t P_t(class 1 | x) / sum_t w_t, as {@code RandomForest.predict(x, posteriori)}
     * combines its trees; leaf values are Smile's Laplace-smoothed posteriors.
     */
    public static TreeEnsemble of(RandomForest forest, int width) {
        RandomForest.Model[] models = forest.models();
        double total = 0;
        for (RandomForest.Model m : models) {
            total += m.weight;
        }
        List<Tree> trees = new ArrayList<>();
        double[] weights = new double[models.length];
        for (int t = 0; t < models.length; t++) {
            trees.add(convert(models[t].tree));
            weights[t] = models[t].weight / total;
        }
        return new TreeEnsemble(width, trees, weights, 0);
    }

    /** Single classification tree: P(class 1 | x) from its leaf's smoothed posterior. */
    public static TreeEnsemble of(DecisionTree tree, int width) {
        return new TreeEnsemble(width, List.of(convert(tree)), new double[] {1}, 0);
    }

    /**
     * Binary gradient boosting as log-odds: Smile's P(1) = 1 / (1 + exp(-2F)) with F = b + shrinkage * sum_t
     * tree_t(x), so log-odds = 2b + sum_t (2 shrinkage) tree_t(x).
     */
    public static TreeEnsemble of(GradientTreeBoost boost, int width) {
        try {
            if (GBT_K.getInt(boost) != 2) {
                throw new IllegalArgumentException("only binary gradient boosting is supported");
            }
            double b = GBT_B.getDouble(boost);
            double shrinkage = GBT_SHRINKAGE.getDouble(boost);
            smile.regression.RegressionTree[] regression = boost.trees();
            List<Tree> trees = new ArrayList<>();
            double[] weights = new double[regression.length];
            for (int t = 0; t < regression.length; t++) {
                trees.add(convert(regression[t]));
                weights[t] = 2 * shrinkage;
            }
            return new TreeEnsemble(width, trees, weights, 2 * b, OutputScale.LOG_ODDS);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read Smile's boosting parameters", e);
        }
    }

    /** Flattens one Smile CART in pre-order. */
    static Tree convert(CART cart) {
        Builder b = new Builder();
        b.add(cart.root());
        return b.build();
    }

    private static final class Builder {
        final List<int[]> ints = new ArrayList<>(); // feature, yes, no, nominal
        final List<double[]> doubles = new ArrayList<>(); // split, value

        int add(Node node) {
            int id = ints.size();
            ints.add(new int[] {-1, -1, -1, 0});
            doubles.add(new double[] {Double.NaN, Double.NaN});
            try {
                if (node instanceof InternalNode in) {
                    int[] i = ints.get(id);
                    double[] d = doubles.get(id);
                    i[0] = in.feature();
                    if (in instanceof OrdinalNode) {
                        d[0] = ORDINAL_VALUE.getDouble(in);
                    } else if (in instanceof NominalNode) {
                        d[0] = NOMINAL_VALUE.getInt(in);
                        i[3] = 1;
                    } else {
                        throw new IllegalArgumentException("unknown Smile split node " + in.getClass().getName());
                    }
                    i[1] = add(in.trueChild());
                    i[2] = add(in.falseChild());
                } else if (node instanceof DecisionNode dn) {
                    double[] post = dn.posteriori(new double[dn.count().length]);
                    if (post.length != 2) {
                        throw new IllegalArgumentException("only binary classification trees are supported");
                    }
                    doubles.get(id)[1] = post[1];
                } else if (node instanceof RegressionNode rn) {
                    doubles.get(id)[1] = rn.output();
                } else {
                    throw new IllegalArgumentException("unknown Smile node " + node.getClass().getName());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read Smile's split values", e);
            }
            return id;
        }

        Tree build() {
            int n = ints.size();
            int[] feature = new int[n];
            int[] yes = new int[n];
            int[] no = new int[n];
            boolean[] nominal = new boolean[n];
            double[] split = new double[n];
            double[] value = new double[n];
            for (int k = 0; k < n; k++) {
                feature[k] = ints.get(k)[0];
                yes[k] = ints.get(k)[1];
                no[k] = ints.get(k)[2];
                nominal[k] = ints.get(k)[3] == 1;
                split[k] = doubles.get(k)[0];
                value[k] = doubles.get(k)[1];
            }
            return new Tree(feature, split, nominal, yes, no, value);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("Smile " + type.getSimpleName() + "." + name
                    + " not found: this workbench needs Smile 3.1.1");
        }
    }
}
