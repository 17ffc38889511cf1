package org.foolshap.model;

import java.util.ArrayList;
import java.util.List;
import org.foolshap.data.Feature;
import org.foolshap.data.Features;
import smile.data.DataFrame;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/**
 * Builds Smile data frames from model rows. Categorical features become nominal integer columns so Smile's
 * trees make true categorical splits; we never use Smile's own formula encoding for prediction, which
 * mis-encodes nominal columns (a known bug through Smile 6.3.0).
 */
final class SmileFrames {
    static final String TARGET = "__target__";

    private SmileFrames() {
    }

    static DataFrame frame(Features features, double[][] rows, int[] y) {
        List<BaseVector<?, ?, ?>> columns = new ArrayList<>();
        for (int j = 0; j < features.width(); j++) {
            Feature f = features.get(j);
            String name = "x" + j; // Smile's formula parser dislikes names like "capital-gain"
            if (f.categorical()) {
                int[] codes = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    codes[i] = (int) rows[i][j];
                }
                var field = new StructField(name, DataTypes.IntegerType, new NominalScale(f.levels()));
                columns.add(IntVector.of(field, codes));
            } else {
                double[] v = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = rows[i][j];
                }
                columns.add(DoubleVector.of(name, v));
            }
        }
        columns.add(IntVector.of(TARGET, y.clone()));
        return DataFrame.of(columns.toArray(new BaseVector[0]));
    }
}
