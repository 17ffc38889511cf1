package org.foolshap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.foolshap.Progress;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.classification.LogisticRegression;
import smile.classification.MLP;

/** The model file is data: every kind round-trips exactly, and hostile or damaged files are one-line errors. */
class ModelFileTest {
    @TempDir
    Path dir;

    private static final Dataset TOY = Datasets.toy(800, 4);

    @Test
    void everyKindRoundTripsExactly() throws Exception {
        double[][] x = TOY.x();
        for (ModelKind kind : ModelKind.values()) {
            if (!kind.trainable()) {
                continue;
            }
            Training t = Trainer.of(kind).withSeed(2).withProgress(Progress.NONE).train(TOY, TOY.split(2));
            Path file = dir.resolve(kind.id() + ".model");
            t.modelFile().save(file);
            ModelFile back = ModelFile.load(file);
            assertEquals(t.modelFile().features(), back.features(), kind.id());
            assertEquals(kind, back.kind());
            assertEquals(t.modelFile().target(), back.target());
            assertEquals(t.modelFile().targetLevels(), back.targetLevels());
            assertEquals(t.modelFile().info(), back.info());
            assertEquals(t.model().scale(), back.model().scale(), kind.id());
            for (double[] row : x) {
                assertEquals(t.model().output(row), back.model().output(row), 0.0, kind.id());
            }
        }
    }

    /** The converted networks are Smile's models: same probabilities (to rounding) on every row. */
    @Test
    void convertedNetworksReplaySmilesPredictions() {
        double[][] x = TOY.x();
        int[] y = TOY.y();
        DenseEncoding enc = DenseEncoding.fit(TOY.features(), x);
        double[][] dense = enc.encode(x);
        var lr = LogisticRegression.binomial(dense, y, 1e-4, 1e-5, 500);
        Properties p = new Properties();
        p.setProperty("smile.mlp.layers", "Sigmoid(8)");
        p.setProperty("smile.mlp.epochs", "5");
        var mlp = MLP.fit(dense, y, p);
        DenseNetwork ours = DenseNetwork.logistic(enc, lr);
        DenseNetwork ourMlp = DenseNetwork.mlp(enc, mlp);
        double[] post = new double[2];
        for (int i = 0; i < x.length; i++) {
            lr.predict(dense[i], post);
            assertEquals(post[1], ours.output(x[i]), 1e-12, "logistic row " + i);
            mlp.predict(dense[i], post);
            assertEquals(post[1], ourMlp.output(x[i]), 1e-12, "mlp row " + i);
        }
    }

    @Test
    void aFunctionModelIsCodeAndIsNotSaved() {
        ModelFile f = new ModelFile(TOY.features(), Model.of(TOY.features().width(), row -> 0.5), ModelKind.LOGISTIC,
                "y", List.of("0", "1"), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.save(dir.resolve("f")));
        assertTrue(e.getMessage().contains("Model.of"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("f")));
    }

    /**
     * What an auditor might be handed: Java-serialization bombs (a HashSet bomb that would hash for ever, a tiny file
     * declaring a 2 GB array), empty, truncated, garbage and corrupted files. Each is refused in well under a second
     * with a one-line message naming the file.
     */
    @Test
    void hostileAndDamagedFilesAreOneLineErrorsNamingTheFile() throws Exception {
        Training t = Trainer.of(ModelKind.TREE).withProgress(Progress.NONE).train(TOY, TOY.split(0));
        byte[] valid = HostileFiles.valid(t.modelFile());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bomb.model", HostileFiles.hashSetBomb());
        files.put("array.model", HostileFiles.arrayBomb());
        files.put("empty.model", new byte[0]);
        files.put("truncated.model", Arrays.copyOf(valid, valid.length / 2));
        files.put("garbage.model", "age,income\n39,0\n".getBytes());
        files.put("trailing.model", Arrays.copyOf(valid, valid.length + 3));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (var e : files.entrySet()) {
                Path file = dir.resolve(e.getKey());
                Files.write(file, e.getValue());
                long start = System.nanoTime();
                IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                        () -> ModelFile.load(file), e.getKey());
                assertTrue((System.nanoTime() - start) / 1e9 < 1, e.getKey() + " took too long");
                assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
                assertEquals(1, error.getMessage().lines().count(), error.getMessage());
            }
        });
    }

    /** A count larger than the bytes left is refused before anything is allocated for it. */
    @Test
    void countsBeyondTheFileAreRefusedBeforeAllocating() throws Exception {
        ModelFile linear = new ModelFile(TOY.features(), Model.linear(0.1, new double[TOY.features().width()]),
                ModelKind.LOGISTIC, "y", List.of("0", "1"), Map.of());
        byte[] b = HostileFiles.valid(linear);
        int d = TOY.features().width();
        int countAt = b.length - 4 - 8 * d - 4; // ... int count, double[d] weights, int end marker
        assertEquals(d, ByteBuffer.wrap(b).getInt(countAt));
        ByteBuffer.wrap(b).putInt(countAt, Integer.MAX_VALUE);
        Path file = Files.write(dir.resolve("huge.model"), b);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("2147483647"), e.getMessage());
    }

    /** Arrays that do not form a tree (a cycle would make prediction loop for ever) are refused. */
    @Test
    void treesThatAreNotTreesAreRefused() {
        boolean[] nominal = new boolean[3];
        double[] split = {0.5, Double.NaN, Double.NaN};
        double[] value = {Double.NaN, 0.2, 0.8};
        int[] feature = {0, -1, -1};
        new Tree(feature, split, nominal, new int[] {1, -1, -1}, new int[] {2, -1, -1}, value); // a real tree
        List<int[][]> bad = List.of(
                new int[][] {{0, -1, -1}, {0, -1, -1}, {2, -1, -1}},   // root is its own child: a cycle
                new int[][] {{0, -1, -1}, {1, -1, -1}, {1, -1, -1}},   // one child twice, node 2 unreachable
                new int[][] {{0, -1, -1}, {1, -1, -1}, {7, -1, -1}});  // child out of range
        for (int[][] c : bad) {
            assertThrows(IllegalArgumentException.class, () -> new Tree(c[0], split, nominal, c[1], c[2], value));
        }
        assertThrows(IllegalArgumentException.class, () -> new Tree(feature, split, nominal, new int[] {1, -1, -1},
                new int[] {2, -1, -1}, new double[] {0, Double.NaN, 1}));
        Tree ok = new Tree(new int[] {3, -1, -1}, split, nominal, new int[] {1, -1, -1}, new int[] {2, -1, -1},
                value);
        assertThrows(IllegalArgumentException.class, () -> new TreeEnsemble(2, List.of(ok), new double[] {1}, 0));
    }
}
