package org.foolshap.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The committed fixtures of onnx/fixtures/make_fixtures.py (scikit-learn models as ONNX graphs, test.csv). */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** test.csv: header f0..f3,y,rf_p1,gbr,gbc_p1,lr_p1. */
    static List<String> header() {
        return Arrays.asList(lines().get(0).split(","));
    }

    /** The feature rows f0..f3 of test.csv. */
    static double[][] rows() {
        return lines().stream().skip(1).map(l -> Arrays.stream(l.split(",")).limit(4)
                .mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
    }

    /** A column of test.csv (scikit-learn's own predictions). */
    static double[] column(String name) {
        int c = header().indexOf(name);
        return lines().stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[c])).toArray();
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(path("test.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
