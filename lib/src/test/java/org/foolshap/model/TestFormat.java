package org.foolshap.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A {@link ModelFormat} provider registered in the test class path's META-INF/services: a ".linear" text file
 * "name:weight name:weight ..." read as a linear model, to check that ModelFile.load finds providers.
 */
public final class TestFormat implements ModelFormat {
    @Override
    public String name() {
        return "test-linear";
    }

    @Override
    public List<String> suffixes() {
        return List.of(".linear");
    }

    @Override
    public ExternalModel read(Path file) throws IOException {
        String[] parts = Files.readString(file).trim().split(" ");
        String[] names = new String[parts.length];
        double[] w = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String[] nw = parts[i].split(":");
            if (nw.length != 2) {
                throw new IllegalArgumentException("has '" + parts[i] + "' where name:weight belongs");
            }
            names[i] = nw[0];
            w[i] = Double.parseDouble(nw[1]);
        }
        return new ExternalModel(name(), Model.linear(0.5, w), Arrays.asList(names), Map.of("terms",
                Integer.toString(w.length)));
    }
}
