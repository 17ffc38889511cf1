package org.foolshap.shap;

import org.foolshap.model.LinearModel;
import org.foolshap.model.Model;
import org.foolshap.model.TreeEnsemble;

/** Explicit factory of explainers: pick one by name, or let {@link #auto} pick the exact-and-fastest one. */
public final class Explainers {
    private Explainers() {
    }

    /** Tree ensembles get interventional TreeSHAP, linear models the closed form, anything else exact enumeration. */
    public static Explainer auto(Model model) {
        if (model instanceof TreeEnsemble trees) {
            return tree(trees);
        }
        if (model instanceof LinearModel linear) {
            return new LinearExplainer(linear);
        }
        return exact(model);
    }

    /** Exact enumeration over the features where x and z differ (2^k model calls per pair). */
    public static ExactExplainer exact(Model model) {
        return new ExactExplainer(model, 20);
    }

    /** Interventional TreeSHAP; polynomial in tree size. */
    public static TreeExplainer tree(TreeEnsemble model) {
        return new TreeExplainer(model, Runtime.getRuntime().availableProcessors());
    }

    /** Interventional TreeSHAP, or an error naming the model's type when it is not a tree ensemble. */
    public static TreeExplainer tree(Model model) {
        if (model instanceof TreeEnsemble trees) {
            return tree(trees);
        }
        throw new IllegalArgumentException("TreeSHAP needs a tree ensemble, but the model is a "
                + model.getClass().getSimpleName() + "; use the exact explainer");
    }

    /** The closed form phi_i = w_i (x_i - z_i). */
    public static LinearExplainer linear(LinearModel model) {
        return new LinearExplainer(model);
    }

    /** Permutation sampling with antithetic pairs, for models too wide for exact enumeration. */
    public static PermutationExplainer permutation(Model model) {
        return new PermutationExplainer(model, 64, 0);
    }

    /** KernelSHAP with paired coalition sampling. */
    public static KernelExplainer kernel(Model model) {
        return new KernelExplainer(model, 1024, 0);
    }

    /** By CLI name: auto, exact, tree, permutation, kernel. */
    public static Explainer byName(String method, Model model) {
        return switch (method) {
            case "auto" -> auto(model);
            case "exact" -> exact(model);
            case "tree" -> tree(model);
            case "permutation" -> permutation(model);
            case "kernel" -> kernel(model);
            default -> throw new IllegalArgumentException("unknown method '" + method + "' (choose auto, exact, tree, permutation or kernel)");
        };
    }
}
