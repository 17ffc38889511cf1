package org.foolshap.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foolshap.data.Feature;
import org.foolshap.data.Features;

/** Turns another library's model file into a {@link ModelFile}: its input names matched to the CSV's columns. */
final class ExternalInputs {
    private ExternalInputs() {
    }

    static ModelFile resolve(Path file, ModelInputs inputs) throws IOException {
        long size = Files.size(file);
        if (size > ModelFile.MAX_BYTES) {
            throw new IllegalArgumentException("model file " + file + " has " + size + " bytes, more than the "
                    + ModelFile.MAX_BYTES + " a model file may have");
        }
        ExternalModel e = ModelFormats.read(file);
        int width = e.model().width();
        List<String> names = names(file, e, inputs);
        if (!inputs.columns().isEmpty()) {
            List<String> absent = names.stream().filter(n -> !inputs.columns().contains(n)).toList();
            if (!absent.isEmpty()) {
                throw new IllegalArgumentException("model file " + file + " takes " + width + " features, and "
                        + absent.size() + " of them are not columns of the CSV file: " + shown(absent)
                        + " (it has " + shown(inputs.columns()) + ")");
            }
            List<String> text = names.stream().filter(inputs.categorical()::contains).toList();
            if (!text.isEmpty()) {
                throw new IllegalArgumentException("model file " + file + " (" + e.format() + ") takes numbers, but "
                        + "CSV column" + (text.size() > 1 ? "s " : " ") + String.join(", ", text) + " hold"
                        + (text.size() > 1 ? "" : "s") + " text (categorical); encode "
                        + (text.size() > 1 ? "them" : "it") + " as the model was trained (e.g. category codes)");
            }
        }
        List<Feature> features = new ArrayList<>();
        for (String n : names) {
            features.add(Feature.numericWithMissing(n));
        }
        Map<String, String> info = new LinkedHashMap<>(e.info());
        info.put("format", e.format());
        info.put("source", String.valueOf(file.getFileName()));
        ModelKind kind = switch (e.format()) {
            case XGBoostJson.NAME -> ModelKind.XGB;
            case LightGbmText.NAME -> ModelKind.LGBM;
            default -> ModelKind.EXTERNAL;
        };
        return new ModelFile(new Features(features), e.model(), kind, "", List.of(), info);
    }

    /** The file's names; else --features; else the CSV's first columns. */
    private static List<String> names(Path file, ExternalModel e, ModelInputs inputs) {
        int width = e.model().width();
        if (!e.featureNames().isEmpty()) {
            if (!inputs.features().isEmpty() && !inputs.features().equals(e.featureNames())) {
                throw new IllegalArgumentException("model file " + file + " names its features " + shown(
                        e.featureNames()) + "; --features is for model files without names");
            }
            return e.featureNames();
        }
        if (!inputs.features().isEmpty()) {
            if (inputs.features().size() != width) {
                throw new IllegalArgumentException("model file " + file + " takes " + width + " features but "
                        + "--features names " + inputs.features().size());
            }
            if (new java.util.HashSet<>(inputs.features()).size() != width) {
                throw new IllegalArgumentException("--features names a column twice: " + inputs.features());
            }
            return inputs.features();
        }
        if (inputs.columns().isEmpty()) {
            throw new IllegalArgumentException("model file " + file + " does not name its " + width + " features; "
                    + "give them in order with --features a,b,c");
        }
        if (inputs.columns().size() < width) {
            throw new IllegalArgumentException("model file " + file + " takes " + width + " features but the CSV "
                    + "file has only " + inputs.columns().size() + " columns");
        }
        return inputs.columns().subList(0, width);
    }

    private static String shown(List<String> names) {
        return names.size() <= 12 ? names.toString()
                : names.subList(0, 12).toString().replace("]", ", ... (" + names.size() + " in all)]");
    }
}
