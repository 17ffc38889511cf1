package org.foolshap.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Trainer#train} returns: the trained model in a {@link ModelFile} (ready to save, so later commands work
 * from raw CSV rows), its {@link Evaluation} on the split's test rows, and the wall time of the fit.
 *
 * <pre>{@code
 * Training t = Trainer.of(ModelKind.RF).withSeed(0).train(data, data.split(0));
 * t.modelFile().save(Path.of("rf.model"));
 * t.evaluation().toTable();
 * }</pre>
 *
 * @param seconds wall time of the fit alone (encoding the rows included, evaluation excluded)
 */
public record Training(ModelFile modelFile, Evaluation evaluation, double seconds) {
    public Training {
        Objects.requireNonNull(modelFile, "modelFile");
        Objects.requireNonNull(evaluation, "evaluation");
    }

    /** The trained model. */
    public Model model() {
        return modelFile.model();
    }

    public ModelKind kind() {
        return modelFile.kind();
    }

    /**
     * The {@code train} command's JSON fields, in order: dataset, model (its kind), the evaluation's fields
     * ({@link Evaluation#toMap()}), then train_seconds.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", evaluation.dataset());
        m.put("model", kind().id());
        m.putAll(evaluation.toMap());
        m.put("train_seconds", seconds);
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s trained on %s, split %d (%d rows), in %.1f s. %s", kind().id(),
                evaluation.dataset(), evaluation.splitSeed(), evaluation.trainRows(), seconds, evaluation);
    }
}
