package org.foolshap.model;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import com.microsoft.ml.lightgbm.lightgbmlibConstants;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * LightGBM itself (com.microsoft.ml.lightgbm:lightgbmlib, native library inside the jar) for the tests: trains a
 * booster on rows, saves its text model and gives its raw scores.
 */
public final class LightGbm implements AutoCloseable {
    private static boolean loaded;
    private final SWIGTYPE_p_void dataset;
    private final SWIGTYPE_p_void booster;
    private final int width;

    private static synchronized void load() throws IOException {
        if (loaded) {
            return;
        }
        Path dir = Files.createTempDirectory("lightgbm");
        for (String lib : new String[] {"lib_lightgbm.so", "lib_lightgbm_swig.so"}) {
            Path p = dir.resolve(lib);
            try (InputStream in = LightGbm.class.getResourceAsStream("/com/microsoft/ml/lightgbm/linux/x86_64/"
                    + lib)) {
                Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            }
            System.load(p.toString());
            p.toFile().deleteOnExit();
        }
        dir.toFile().deleteOnExit();
        loaded = true;
    }

    private static void check(int code) {
        if (code != 0) {
            throw new IllegalStateException("LightGBM: " + lightgbmlib.LGBM_GetLastError());
        }
    }

    /** Trains {@code rounds} iterations on rows (NaN = missing) with dataset and booster parameters. */
    public LightGbm(double[][] x, double[] y, String datasetParams, String boosterParams, int rounds, String[] names)
            throws IOException {
        load();
        int n = x.length;
        width = x[0].length;
        var data = matrix(x);
        var out = lightgbmlib.voidpp_handle();
        check(lightgbmlib.LGBM_DatasetCreateFromMat(lightgbmlib.double_to_voidp_ptr(data),
                lightgbmlibConstants.C_API_DTYPE_FLOAT64, n, width, 1, datasetParams, null, out));
        dataset = lightgbmlib.voidpp_value(out);
        var labels = lightgbmlib.new_floatArray(n);
        for (int i = 0; i < n; i++) {
            lightgbmlib.floatArray_setitem(labels, i, (float) y[i]);
        }
        check(lightgbmlib.LGBM_DatasetSetField(dataset, "label", lightgbmlib.float_to_voidp_ptr(labels), n,
                lightgbmlibConstants.C_API_DTYPE_FLOAT32));
        if (names != null) {
            check(lightgbmlib.LGBM_DatasetSetFeatureNames(dataset, names, names.length));
        }
        var b = lightgbmlib.voidpp_handle();
        check(lightgbmlib.LGBM_BoosterCreate(dataset, boosterParams, b));
        booster = lightgbmlib.voidpp_value(b);
        var finished = lightgbmlib.new_intp();
        for (int r = 0; r < rounds; r++) {
            check(lightgbmlib.LGBM_BoosterUpdateOneIter(booster, finished));
        }
        if (lightgbmlib.intp_value(finished) != 0) {
            throw new IllegalStateException("LightGBM stopped before " + rounds + " rounds");
        }
        lightgbmlib.delete_floatArray(labels);
        lightgbmlib.delete_doubleArray(data);
    }

    private static com.microsoft.ml.lightgbm.SWIGTYPE_p_double matrix(double[][] x) {
        var data = lightgbmlib.new_doubleArray((long) x.length * x[0].length);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                lightgbmlib.doubleArray_setitem(data, (long) i * x[0].length + j, x[i][j]);
            }
        }
        return data;
    }

    public void save(Path file) {
        check(lightgbmlib.LGBM_BoosterSaveModel(booster, 0, -1, lightgbmlibConstants.C_API_FEATURE_IMPORTANCE_SPLIT,
                file.toString()));
    }

    /**
     * LightGBM's raw scores (before the sigmoid) of the model as saved in {@code file}, read back by LightGBM: the
     * booster just trained does not average a random forest's trees (it predicts their sum), the saved one does.
     */
    public static double[] raw(Path file, double[][] x) throws IOException {
        return predict(file, x, lightgbmlibConstants.C_API_PREDICT_RAW_SCORE);
    }

    /** LightGBM's predictions (after the sigmoid for binary) of the model saved in {@code file}. */
    static double[] normal(Path file, double[][] x) throws IOException {
        return predict(file, x, lightgbmlibConstants.C_API_PREDICT_NORMAL);
    }

    private static double[] predict(Path file, double[][] x, int type) throws IOException {
        load();
        var out = lightgbmlib.voidpp_handle();
        var iterations = lightgbmlib.new_intp();
        check(lightgbmlib.LGBM_BoosterCreateFromModelfile(file.toString(), iterations, out));
        SWIGTYPE_p_void b = lightgbmlib.voidpp_value(out);
        try {
            return raw(b, x, type);
        } finally {
            lightgbmlib.LGBM_BoosterFree(b);
        }
    }

    private static double[] raw(SWIGTYPE_p_void booster, double[][] x, int type) {
        int width = x[0].length;
        var data = matrix(x);
        var len = lightgbmlib.new_int64_tp();
        var out = lightgbmlib.new_doubleArray(x.length);
        check(lightgbmlib.LGBM_BoosterPredictForMat(booster, lightgbmlib.double_to_voidp_ptr(data),
                lightgbmlibConstants.C_API_DTYPE_FLOAT64, x.length, width, 1,
                type, 0, -1, "num_threads=1", len, out));
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = lightgbmlib.doubleArray_getitem(out, i);
        }
        lightgbmlib.delete_doubleArray(out);
        lightgbmlib.delete_doubleArray(data);
        return y;
    }

    @Override
    public void close() {
        lightgbmlib.LGBM_BoosterFree(booster);
        lightgbmlib.LGBM_DatasetFree(dataset);
    }
}
