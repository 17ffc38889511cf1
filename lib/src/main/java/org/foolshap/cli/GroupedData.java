package org.foolshap.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.foolshap.audit.Draws;
import org.foolshap.data.Csv;
import org.foolshap.data.Dataset;
import org.foolshap.model.ModelFile;
import tech.tablesaw.api.Table;

/**
 * What the attack and audit commands share: a saved model, a raw CSV encoded for it, and the split into the
 * protected group D_0 (foreground) and the rest D_1 (background) by {@code sensitive == protected}.
 */
record GroupedData(ModelFile model, Table table, double[][] x, int[] foreground, int[] background, int sensitive,
                   String protectedValue) {

    static GroupedData load(Path modelPath, ModelOptions options, Path data, String sensitive, String protectedValue)
            throws IOException {
        Table table = Csv.read(data);
        ModelFile model = options.load(modelPath, table);
        if (!model.features().names().contains(sensitive)) {
            throw new UserError("--sensitive " + sensitive + " is not one of the model's features "
                    + model.features().names());
        }
        boolean[] mask = Dataset.protectedMask(table, sensitive, protectedValue);
        double[][] x = model.features().encode(table);
        complete(x, model, data);
        outputs(model, x, modelPath, data);
        int[] fg = java.util.stream.IntStream.range(0, mask.length).filter(i -> mask[i]).toArray();
        int[] bg = java.util.stream.IntStream.range(0, mask.length).filter(i -> !mask[i]).toArray();
        return new GroupedData(model, table, x, fg, bg, model.features().index(sensitive), protectedValue);
    }

    /**
     * The model's outputs on encoded rows of a CSV file, or a one-line error naming the model, the file and the line
     * when one is not a finite number (a NaN is never written as an empty cell, nor averaged into a result).
     */
    static double[] outputs(ModelFile model, double[][] rows, Path modelPath, Path data) {
        double[] y = model.model().outputs(rows);
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new UserError("model " + modelPath + " gives " + y[i] + " for line " + (i + 2) + " of " + data
                        + "; its output must be a finite number");
            }
        }
        return y;
    }

    /**
     * The attack and the audits compare whole rows: a missing value (which XGBoost and LightGBM models accept) is an
     * error naming its line and column, not a NaN in a statistic.
     */
    static void complete(double[][] x, ModelFile model, Path data) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                if (Double.isNaN(x[i][j])) {
                    throw new UserError(data + " line " + (i + 2) + " has no value in column "
                            + model.features().names().get(j) + "; the attack and the audits need complete rows");
                }
            }
        }
    }

    /** The same data as an audit setting, encoded with the model's features. */
    org.foolshap.data.AuditSetting setting() {
        return org.foolshap.data.AuditSetting.of(table, model.features().names().get(sensitive), protectedValue)
                .withFeatures(model.features());
    }

    double[][] rows(int[] index) {
        return Draws.pick(x, index);
    }

    double[][] foregroundRows() {
        return rows(foreground);
    }

    double[][] backgroundRows() {
        return rows(background);
    }

    boolean[] categorical() {
        boolean[] mask = new boolean[model.features().width()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = model.features().get(i).categorical();
        }
        return mask;
    }

    /** Data-file row numbers of positions in a group. */
    static int[] map(int[] group, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = group[positions[i]];
        }
        return out;
    }
}
