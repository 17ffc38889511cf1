package org.foolshap.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model read from another library's file ({@link ModelFormat}): the model over numeric input rows, the input
 * feature names in the model's order as the file gives them (empty when the file has none; then the user's
 * {@code --features} or the CSV's column order decides, see {@link ModelInputs}), and free-form information
 * (format, objective, library version) that goes to {@link ModelFile#info()}.
 *
 * @param format       the format's name, e.g. "XGBoost", "LightGBM", "ONNX"
 * @param model        the model; its {@link Model#scale()} says what its output means
 * @param featureNames the inputs' names in order, or empty; when not empty, exactly {@code model.width()} names
 * @param info         metadata kept in the model file's info
 */
public record ExternalModel(String format, Model model, List<String> featureNames, Map<String, String> info) {
    public ExternalModel {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(model, "model");
        featureNames = List.copyOf(featureNames);
        info = Map.copyOf(info);
        if (!featureNames.isEmpty() && featureNames.size() != model.width()) {
            throw new IllegalArgumentException("names " + featureNames.size() + " features but the model takes "
                    + model.width());
        }
        if (new java.util.HashSet<>(featureNames).size() != featureNames.size()) {
            throw new IllegalArgumentException("names a feature twice in " + featureNames);
        }
    }

    /** What the output means (the model's scale). */
    public OutputScale scale() {
        return model.scale();
    }
}
