package org.foolshap.spark;

import java.io.Serializable;
import java.util.List;
import org.foolshap.data.Features;
import org.foolshap.model.Model;
import org.foolshap.model.ModelFile;
import org.foolshap.shap.Explainer;
import org.foolshap.shap.Explainers;
import org.foolshap.shap.TreeExplainer;

/**
 * What every task needs to explain: the model, its column encoding and the explainer's name, as one serializable value
 * broadcast once per job. The explainer itself is made on the executor by the library's {@link Explainers#byName}.
 *
 * @param features the model's encoding of table columns into model rows
 * @param model    the model (trees, linear, network: all {@link java.io.Serializable})
 * @param method   auto (TreeSHAP for trees, else exact), exact, tree, permutation or kernel
 */
public record ExplainedModel(Features features, Model model, String method) implements Serializable {
    public ExplainedModel {
        if (model.width() != features.width()) {
            throw new IllegalArgumentException("model takes " + model.width() + " features but " + features.width()
                    + " are described");
        }
        Explainers.byName(method, model); // an unknown method or TreeSHAP on a non-tree fails here, on the driver
    }

    /** A saved model with the given method. */
    public static ExplainedModel of(ModelFile file, String method) {
        return new ExplainedModel(file.features(), file.model(), method);
    }

    /** The model's feature names, in model order. */
    public List<String> names() {
        return features.names();
    }

    /**
     * The library's explainer; TreeSHAP gets {@code threads} threads (a Spark task has {@code spark.task.cpus} cores,
     * the executor runs one task per core).
     */
    public Explainer explainer(int threads) {
        Explainer e = Explainers.byName(method, model);
        return e instanceof TreeExplainer t ? t.withThreads(threads) : e;
    }
}
