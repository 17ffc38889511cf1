package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.foolshap.cli.DataCommandsTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 16, item 11: a command that fails or is stopped while writing leaves the previous result as it was, with no
 * empty file, no mix of two runs and no temporary file beside it.
 */
class InterruptedWritesTest {
    @TempDir
    static Path dir;
    static Path toyCsv;
    static Path toyModel;

    @BeforeAll
    static void toy() {
        toyCsv = dir.resolve("toy.csv");
        toyModel = dir.resolve("toy.model");
        assertEquals(0, DataCommandsTest.run("data", "--dataset", "toy", "--out", toyCsv.toString()).code());
        assertEquals(0, DataCommandsTest.run("train", "--dataset", "toy", "--model", "tree", "--out",
                toyModel.toString()).code());
    }

    private static String[] attack(Path out, int seed) {
        return new String[] {"attack", "--model", toyModel.toString(), "--data", toyCsv.toString(), "--sensitive",
                "sex", "--protected", "Female", "--m", "50", "--repeats", "10", "--lambdas", "0.1:10:3",
                "--no-baselines", "--seed", Integer.toString(seed), "--out", out.toString()};
    }

    /** Every file under a folder with its bytes. */
    private static Map<String, byte[]> snapshot(Path folder) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static void assertSame(Map<String, byte[]> a, Map<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, b.get(k)), k + " changed"));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Runs attack with a failure injected right after its first file is written (as a full disk or Ctrl-C would). */
    private static int attackFailingAfterFirstFile(String[] args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == AttackCommand.class) {
                    AttackCommand a = new AttackCommand();
                    a.written = name -> {
                        throw new UncheckedIOException(new java.io.IOException("disk full after " + name
                                + " (simulated)"));
                    };
                    return cls.cast(a);
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        CommandLine cl = Main.commandLine(factory);
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void anAttackInterruptedWhileWritingLeavesThePreviousResultWhole() throws Exception {
        Path parent = Files.createDirectory(dir.resolve("interrupted"));
        Path out = parent.resolve("attack");
        Run first = DataCommandsTest.run(attack(out, 0));
        assertEquals(0, first.code(), first.err());
        Map<String, byte[]> before = snapshot(out);
        assertEquals(AttackCommand.FILES, before.keySet());

        assertNotEquals(0, attackFailingAfterFirstFile(attack(out, 1)));
        assertSame(before, snapshot(out));
        assertEquals(List.of("attack"), names(parent), "no fresh or temporary folder left beside the result");

        // an uninterrupted re-run replaces every file at once
        Run second = DataCommandsTest.run(attack(out, 1));
        assertEquals(0, second.code(), second.err());
        Map<String, byte[]> after = snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        assertTrue(!java.util.Arrays.equals(before.get("s0.csv"), after.get("s0.csv")), "seed 1 draws another S_0'");
        assertEquals(List.of("attack"), names(parent));
    }

    @Test
    void anAttackNeverReplacesAFolderWithOtherFiles() throws Exception {
        Path out = Files.createDirectory(dir.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Run r = DataCommandsTest.run(attack(out, 0));
        HostileInputTest.assertOneLine(r, "--out", "notes.txt");
        assertEquals(List.of("notes.txt"), names(out));
    }

    @Test
    void explainWritesNothingUntilItsResultIsComplete() throws Exception {
        Path out = dir.resolve("phi.csv");
        Path small = Files.write(dir.resolve("small.csv"), Files.readAllLines(toyCsv).subList(0, 40));
        String[] ok = {"explain", "--model", toyModel.toString(), "--foreground", small.toString(), "--background",
                small.toString(), "--out", out.toString()};
        Run r = DataCommandsTest.run(ok);
        assertEquals(0, r.code(), r.err());
        byte[] before = Files.readAllBytes(out);
        assertTrue(before.length > 0);
        Path bad = Files.writeString(dir.resolve("bad-fg.csv"), "sex,height\nFemale,170\n");
        List<String[]> failing = List.of(
                new String[] {"explain", "--model", toyModel.toString(), "--foreground", small.toString(),
                        "--background", small.toString(), "--confidence", "1.5", "--out", out.toString()},
                new String[] {"explain", "--model", toyModel.toString(), "--foreground", small.toString(),
                        "--background", small.toString(), "--method", "bogus", "--out", out.toString()},
                new String[] {"explain", "--model", toyModel.toString(), "--foreground", bad.toString(),
                        "--background", small.toString(), "--out", out.toString()});
        for (String[] args : failing) {
            Run f = DataCommandsTest.run(args);
            assertEquals(2, f.code(), f.err());
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out)), "the previous result is intact");
        }
        assertTrue(names(dir).stream().noneMatch(n -> n.startsWith(".")), "no temporary files: " + names(dir));
    }
}
