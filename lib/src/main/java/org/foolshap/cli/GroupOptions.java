package org.foolshap.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options attack and audit share: the model, the data, and which rows form the protected group. */
final class GroupOptions {
    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "model file written by 'train', or XGBoost .json, LightGBM .txt, ONNX .onnx")
    Path model;

    @picocli.CommandLine.Mixin
    ModelOptions modelOptions;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv",
            description = "the data of both groups, raw columns as for 'train'; extra columns are ignored")
    Path data;

    @Option(names = "--sensitive", required = true, paramLabel = "COL", description = "sensitive feature, e.g. gender")
    String sensitive;

    @Option(names = "--protected", required = true, paramLabel = "VALUE",
            description = "value of the sensitive feature marking the protected group, e.g. Female")
    String protectedValue;

    GroupedData load() throws IOException {
        return GroupedData.load(model, modelOptions, data, sensitive, protectedValue);
    }
}
