package org.foolshap.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.foolshap.data.Feature;
import org.foolshap.data.Features;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node kinds other libraries need: each rule, plain() only for Smile's two, the file format, TreeSHAP. */
class TreeNodeKindsTest {
    @TempDir
    Path dir;

    /** A stump on feature 0: yes -> 1, no -> 0. */
    private static Tree stump(Tree.Test test, double split, boolean nanYes) {
        return new Tree.Builder(3).split(0, 0, test, split, 1, 2, nanYes).leaf(1, 1).leaf(2, 0).build();
    }

    private static boolean yes(Tree t, double v) {
        return t.predict(new double[] {v}) == 1;
    }

    @Test
    void eachTestDecidesAsItsLibraryDoes() {
        Tree le = stump(Tree.Test.LE, 1, false);
        assertTrue(yes(le, 1) && yes(le, 0.5) && !yes(le, 1.5) && !yes(le, Double.NaN));
        Tree lt = stump(Tree.Test.LT, 1, true);
        assertTrue(!yes(lt, 1) && yes(lt, 0.5) && !yes(lt, 1.5) && yes(lt, Double.NaN));
        Tree eq = stump(Tree.Test.EQ, 2, false);
        assertTrue(yes(eq, 2) && !yes(eq, 2.5) && !yes(eq, Double.NaN));
        Tree in = new Tree.Builder(3).categories(0, 0, new int[] {5, 0, 3}, 1, 2, false).leaf(1, 1).leaf(2, 0)
                .build();
        assertTrue(yes(in, 0) && yes(in, 3) && yes(in, 5) && yes(in, 3.7) && yes(in, -0.5)); // (int) truncates
        assertTrue(!yes(in, 1) && !yes(in, -1) && !yes(in, 6) && !yes(in, Double.NaN) && !yes(in, 1e12));
        assertArrayEquals(new int[] {0, 3, 5}, in.categories(0));
    }

    @Test
    void float32ComparesAsXgboostDoes() {
        double split = (float) 0.1; // XGBoost stores 0.1f
        Tree dbl = stump(Tree.Test.LT, split, false);
        Tree flt = new Tree.Builder(3).split(0, 0, Tree.Test.LT, split, 1, 2, false).float32(0).leaf(1, 1)
                .leaf(2, 0).build();
        assertTrue(yes(dbl, 0.1)); // 0.1 < 0.100000001490116
        assertFalse(yes(flt, 0.1)); // 0.1f < 0.1f is false
        assertTrue(flt.float32(0) && !dbl.float32(0));
    }

    @Test
    void zeroIsMissingSendsTinyValuesTheMissingWay() {
        Tree t = new Tree.Builder(3).split(0, 0, Tree.Test.LE, -1, 1, 2, true).zeroIsMissing(0).leaf(1, 1)
                .leaf(2, 0).build();
        assertTrue(yes(t, 0) && yes(t, -0.0) && yes(t, 1e-36) && yes(t, Double.NaN) && yes(t, -2));
        assertFalse(yes(t, 1e-30));
        assertFalse(yes(t, 0.5));
    }

    @Test
    void onlySmilesNodesArePlain() {
        Tree smile = new Tree(new int[] {0, -1, -1}, new double[] {1, 0, 0}, new boolean[3], new int[] {1, -1, -1},
                new int[] {2, -1, -1}, new double[] {0, 1, 2});
        assertTrue(smile.plain(0));
        assertTrue(stump(Tree.Test.LE, 1, false).plain(0));
        assertTrue(stump(Tree.Test.EQ, 1, false).plain(0));
        assertFalse(stump(Tree.Test.LE, 1, true).plain(0));
        assertFalse(stump(Tree.Test.LT, 1, false).plain(0));
        assertFalse(new Tree.Builder(3).split(0, 0, Tree.Test.LE, 1, 1, 2, false).float32(0).leaf(1, 1).leaf(2, 0)
                .build().plain(0));
        assertFalse(new Tree.Builder(3).split(0, 0, Tree.Test.LE, 1, 1, 2, false).zeroIsMissing(0).leaf(1, 1)
                .leaf(2, 0).build().plain(0));
        assertFalse(new Tree.Builder(3).categories(0, 0, new int[] {1}, 1, 2, false).leaf(1, 1).leaf(2, 0).build()
                .plain(0));
    }

    @Test
    void builderRenumbersInPreOrderAndRefusesNonTrees() {
        // root 4 -> (2, 0); 2 -> leaves 1, 3; node 5 unreachable
        Tree t = new Tree.Builder(6).split(4, 0, Tree.Test.LE, 0, 2, 0, false).split(2, 1, Tree.Test.LE, 0, 1, 3,
                false).leaf(1, 10).leaf(3, 20).leaf(0, 30).leaf(5, 99).build(4);
        assertEquals(5, t.size());
        assertEquals(10, t.predict(new double[] {0, 0}));
        assertEquals(20, t.predict(new double[] {0, 1}));
        assertEquals(30, t.predict(new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> new Tree.Builder(3).split(0, 0, Tree.Test.LE, 0, 1, 0,
                false).leaf(1, 0).leaf(2, 0).build()); // a cycle
        assertThrows(IllegalArgumentException.class, () -> new Tree.Builder(3).split(0, 0, Tree.Test.LE, 0, 1, 2,
                false).leaf(1, 0).build()); // node 2 never given
        assertThrows(IllegalArgumentException.class, () -> new Tree.Builder(3).split(0, 0, Tree.Test.LE, 0, 1, 1,
                false).leaf(1, 0).leaf(2, 0).build()); // both children the same
        assertThrows(IllegalArgumentException.class, () -> new Tree.Builder(2).leaf(0, 0).leaf(0, 1));
    }

    /** Random trees with every kind of node, over values that hit every rule (NaN, zero, tiny, categories). */
    static TreeEnsemble randomEnsemble(long seed, int width, int trees) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Tree> list = new ArrayList<>();
        double[] weights = new double[trees];
        for (int t = 0; t < trees; t++) {
            int depth = 3;
            int internal = (1 << depth) - 1;
            Tree.Builder b = new Tree.Builder(2 * internal + 1);
            for (int k = 0; k < internal; k++) {
                int f = rng.nextInt(width);
                int yes = 2 * k + 1;
                int no = 2 * k + 2;
                boolean nanYes = rng.nextBoolean();
                switch (rng.nextInt(6)) {
                    case 0 -> b.split(k, f, Tree.Test.LE, rng.nextInt(-1, 3) * 0.5, yes, no, nanYes);
                    case 1 -> b.split(k, f, Tree.Test.LT, rng.nextInt(-1, 3) * 0.5, yes, no, nanYes).float32(k);
                    case 2 -> b.split(k, f, Tree.Test.EQ, rng.nextInt(0, 3), yes, no, nanYes);
                    case 3 -> b.split(k, f, Tree.Test.LE, rng.nextInt(-1, 3) * 0.5, yes, no, nanYes)
                            .zeroIsMissing(k);
                    case 4 -> b.categories(k, f, new int[] {rng.nextInt(3), 3 + rng.nextInt(2)}, yes, no, nanYes);
                    default -> b.split(k, f, Tree.Test.LE, rng.nextInt(-1, 3) * 0.5, yes, no, false); // plain
                }
            }
            for (int k = internal; k < 2 * internal + 1; k++) {
                b.leaf(k, rng.nextDouble(-1, 1));
            }
            list.add(b.build());
            weights[t] = rng.nextDouble(0.5, 1.5);
        }
        return new TreeEnsemble(width, list, weights, 0.25, OutputScale.LOG_ODDS);
    }

    static double[][] randomRows(long seed, int n, int width) {
        return randomRows(seed, n, width, true);
    }

    static double[][] randomRows(long seed, int n, int width, boolean nan) {
        double[] values = {nan ? Double.NaN : 0.1, 0, 1e-36, -1, -0.5, 0.5, 1, 1.5, 2, 3, 4};
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] rows = new double[n][width];
        for (double[] r : rows) {
            for (int j = 0; j < width; j++) {
                r[j] = values[rng.nextInt(values.length)];
            }
        }
        return rows;
    }

    /** Rows without NaN: the explainers' row checks refuse NaN (org.foolshap.shap.Rows). */
    @Test
    void treeShapOfEveryNodeKindEqualsExactEnumeration() {
        TreeEnsemble m = randomEnsemble(3, 5, 6);
        double[][] fg = randomRows(4, 12, 5, false);
        double[][] bg = randomRows(5, 10, 5, false);
        var tree = Explainers.tree(m);
        var exact = Explainers.exact(m);
        for (double[] x : fg) {
            for (double[] z : bg) {
                double[] a = tree.phi(x, z);
                double[] b = exact.phi(x, z);
                assertArrayEquals(b, a, 1e-9);
                assertEquals(m.output(x) - m.output(z), java.util.Arrays.stream(a).sum(), 1e-9); // efficiency
            }
        }
    }

    @Test
    void everyNodeKindRoundTripsThroughTheModelFile() throws Exception {
        TreeEnsemble m = randomEnsemble(7, 4, 5);
        List<Feature> features = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            features.add(j % 2 == 0 ? Feature.numericWithMissing("x" + j) : Feature.numeric("x" + j));
        }
        ModelFile f = new ModelFile(new Features(features), m, ModelKind.XGB, "", List.of(), Map.of("k", "v"));
        Path p = dir.resolve("m.model");
        f.save(p);
        ModelFile back = ModelFile.load(p);
        assertEquals(f.features(), back.features());
        TreeEnsemble e = (TreeEnsemble) back.model();
        for (int t = 0; t < m.trees().size(); t++) {
            Tree a = m.tree(t);
            Tree b = e.tree(t);
            for (int n = 0; n < a.size(); n++) {
                assertEquals(a.test(n), b.test(n));
                assertEquals(a.plain(n), b.plain(n));
                assertEquals(a.missingGoesYes(n), b.missingGoesYes(n));
                assertEquals(a.zeroIsMissing(n), b.zeroIsMissing(n));
                assertEquals(a.float32(n), b.float32(n));
                assertArrayEquals(a.categories(n), b.categories(n));
            }
        }
        for (double[] row : randomRows(8, 200, 4)) {
            assertEquals(m.output(row), back.model().output(row), 0.0);
        }
        // a damaged node kind is one line naming the file
        byte[] bytes = Files.readAllBytes(p);
        Path bad = dir.resolve("bad.model");
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        var ex = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(bad));
        assertTrue(ex.getMessage().startsWith("model file " + bad) && !ex.getMessage().contains("\n"));
    }

    /** A version-1 file (trees of Smile's nodes only), written byte by byte as the old format was. */
    @Test
    void version1FilesAreStillRead() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.write(ModelCodec.MAGIC);
            out.writeInt(1);
            utf(out, "rf");
            utf(out, "y");
            out.writeInt(2);
            utf(out, "no");
            utf(out, "yes");
            out.writeInt(0); // info
            out.writeInt(2); // features
            utf(out, "a");
            out.writeInt(0);
            utf(out, "c");
            out.writeInt(2);
            utf(out, "p");
            utf(out, "q");
            out.writeByte(1); // trees
            out.writeInt(2);
            utf(out, "PROBABILITY");
            out.writeDouble(0.1);
            out.writeInt(1);
            out.writeDouble(1.0);
            out.writeInt(3);
            int[][] nodes = {{1, 1, 1, 2}, {-1, 0, -1, -1}, {-1, 0, -1, -1}};
            double[] split = {1, 0, 0};
            double[] value = {0, 0.2, 0.7};
            for (int n = 0; n < 3; n++) {
                out.writeInt(nodes[n][0]);
                out.writeDouble(split[n]);
                out.writeByte(nodes[n][1]);
                out.writeInt(nodes[n][2]);
                out.writeInt(nodes[n][3]);
                out.writeDouble(value[n]);
            }
            out.writeInt(0x454E4421);
        }
        Path p = dir.resolve("v1.model");
        Files.write(p, bytes.toByteArray());
        ModelFile m = ModelFile.load(p);
        assertEquals(List.of("a", "c"), m.features().names());
        assertFalse(m.features().get(0).missingAllowed());
        Tree t = ((TreeEnsemble) m.model()).tree(0);
        assertTrue(t.nominal(0) && t.plain(0));
        assertEquals(0.1 + 0.2, m.model().output(new double[] {0, 1}), 1e-15); // c == 1 -> yes
        assertEquals(0.1 + 0.7, m.model().output(new double[] {0, 0}), 1e-15);
    }

    private static void utf(DataOutputStream out, String s) throws java.io.IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
