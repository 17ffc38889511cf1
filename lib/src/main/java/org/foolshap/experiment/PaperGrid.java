package org.foolshap.experiment;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.foolshap.attack.LambdaGrid;
import org.foolshap.model.ModelKind;
import org.foolshap.model.OutputScale;

/**
 * The facts of the paper's Figure 5 grid (Laberge et al., ICLR 2023, Section 5; official scripts) that a
 * {@link Study} follows: which models run on which dataset, which output is explained, and the lambda grid each
 * configuration used.
 *
 * <p>The "xgb" column. The paper's boosted model is XGBoost; {@link #XGB_COLUMN} is the model kind that stands in for
 * it: {@link ModelKind#XGB}, XGBoost itself (xgboost4j, trained in Java, read back through its JSON model). Smile's
 * gradient-boosted trees ({@link ModelKind#GBT}) stood in for it before; switching back is this one constant.
 */
public final class PaperGrid {
    /** The model kind in the paper's "xgb" column: XGBoost. */
    public static final ModelKind XGB_COLUMN = ModelKind.XGB;

    /** Figure 5's datasets, in the paper's column order (COMPAS, Adult, Marketing, C&C). */
    public static final List<String> DATASETS = List.of("compas", "adult", "marketing", "communities");

    /** Datasets on which the paper trains an MLP (Marketing and C&C have RF and XGB only). */
    public static final Set<String> MLP_DATASETS = Set.of("adult", "compas");

    /** Datasets whose boosted model is explained on the probability with the exact explainer (not log-odds TreeSHAP). */
    public static final Set<String> PROBABILITY_BOOSTING = Set.of("adult", "compas");

    private PaperGrid() {
    }

    /** Whether the paper's Figure 5 has this dataset x model pair. */
    public static boolean inFigure5(String dataset, ModelKind kind) {
        return kind != ModelKind.MLP || MLP_DATASETS.contains(dataset);
    }

    /**
     * The explained output of a boosted model: the probability (exact explainer) on Adult and COMPAS, the log-odds
     * (TreeSHAP) elsewhere, as the paper; other kinds explain their own scale.
     */
    public static OutputScale scale(String dataset, ModelKind kind) {
        if (kind == XGB_COLUMN && PROBABILITY_BOOSTING.contains(dataset)) {
            return OutputScale.PROBABILITY;
        }
        return kind.scale();
    }

    /**
     * The lambda grid the official scripts set for a configuration (log10 exponents: Adult -0.5..2; COMPAS RF 0.5..3;
     * COMPAS XGB -1.5..2; C&C -0.5..4 in 40 steps; Marketing RF 1..3; 20 steps unless said), or empty when the
     * scripts give none (Marketing XGB, COMPAS MLP): the study's own grid applies.
     */
    public static Optional<LambdaGrid> officialLambdas(String dataset, ModelKind kind) {
        boolean xgb = kind == XGB_COLUMN;
        return Optional.ofNullable(switch (dataset) {
            case "adult" -> new LambdaGrid(-0.5, 2, 20);
            case "compas" -> kind == ModelKind.RF ? new LambdaGrid(0.5, 3, 20) : xgb ? new LambdaGrid(-1.5, 2, 20) : null;
            case "communities" -> new LambdaGrid(-0.5, 4, 40);
            case "marketing" -> kind == ModelKind.RF ? new LambdaGrid(1, 3, 20) : null;
            default -> null;
        });
    }
}
