package org.foolshap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The skip summary {@code environment/workbench test} prints after Maven ({@code environment/SkippedTests.java}),
 * run as the script runs it on report XML laid out as surefire and failsafe write it.
 */
class SkippedTestsTest {
    @TempDir
    Path root;

    private static final String REPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="%1$s" tests="4" skipped="3">
              <testcase name="loadsAdult" classname="org.foolshap.data.%1$s" time="0.01">
                <skipped message="Assumption failed: needs adult [adult.data]: not in /x/adult; run: java -jar lib/target/foolshap.jar fetch --dataset adult"/>
              </testcase>
              <testcase name="passes" classname="org.foolshap.data.%1$s" time="0.01"/>
              <testcase name="loadsCompas" classname="org.foolshap.data.%1$s" time="0">
                <skipped type="org.opentest4j.TestAbortedException"><![CDATA[org.opentest4j.TestAbortedException: needs compas [compas.csv]: not in /x/compas; run: java -jar lib/target/foolshap.jar fetch --dataset compas
            	at org.foolshap.data.DatasetsMirrorTest.loadingIsShuffledWithAFixedSeed(DatasetsMirrorTest.java:83)
            ]]></skipped>
              </testcase>
              <testcase name="kernelSuite" classname="org.foolshap.kernel.%1$s" time="0">
                <skipped message="/usr/bin/python3 is missing; run environment/workbench install to enable this test"/>
              </testcase>
            </testsuite>
            """;

    private String run(Path since) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = Workbench.ROOT.resolve("environment/SkippedTests.java");
        ProcessBuilder pb = since == null ? new ProcessBuilder(java.toString(), script.toString(), root.toString())
                : new ProcessBuilder(java.toString(), script.toString(), root.toString(), since.toString());
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private void report(String module, String kind, String suite) throws Exception {
        Path dir = Files.createDirectories(root.resolve(module).resolve("target").resolve(kind + "-reports"));
        Files.writeString(dir.resolve("TEST-" + suite + ".xml"), REPORT.formatted(suite), StandardCharsets.UTF_8);
    }

    @Test
    void everySkipIsListedWithItsReasonAndTheCommandThatWouldRunIt() throws Exception {
        report("lib", "surefire", "DatasetsTest");
        report("environment/notebook-tests", "failsafe", "NotebooksIT");
        String out = run(null);
        assertTrue(out.contains("6 test(s) skipped"), out);
        assertTrue(out.contains("  java -jar lib/target/foolshap.jar fetch --dataset compas\n")
                && out.contains("because needs compas [compas.csv]: not in /x/compas\n"), "message as text: " + out);
        assertTrue(out.contains("  java -jar lib/target/foolshap.jar fetch --dataset adult\n"), out);
        assertTrue(out.contains("because needs adult [adult.data]: not in /x/adult\n"), out);
        assertTrue(out.contains("  environment/workbench install\n"), out);
        assertTrue(out.contains("because /usr/bin/python3 is missing\n"), out);
        assertTrue(out.contains("DatasetsTest.loadsAdult") && out.contains("NotebooksIT.loadsAdult"), out);
        assertTrue(!out.contains("passes") && !out.contains("Assumption failed"), out);
        assertEquals(1, out.lines().filter(l -> l.contains("fetch --dataset adult")).count(),
                "one line per command, the tests listed under it: " + out);
    }

    @Test
    void nothingSkippedPrintsNothingAndOldReportsDoNotCount() throws Exception {
        assertEquals("", run(null));
        report("lib", "surefire", "DatasetsTest");
        Path marker = root.resolve("started");
        Files.writeString(marker, "");
        Files.setLastModifiedTime(marker, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                + 60_000));
        assertEquals("", run(marker), "reports from before the run are left over, not this run's");
    }
}
