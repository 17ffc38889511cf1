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
 * {@code environment/workbench kernelspec} (also run by {@code start} and {@code install}): the per-user kernelspec
 * {@code foolshap} runs this checkout, and one left by a moved or deleted clone is replaced.
 */
class KernelspecTest {
    @TempDir
    Path jupyterData;

    private record Run(int code, String out) {
    }

    private Run workbench() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", Workbench.ROOT.resolve("environment/workbench").toString(),
                "kernelspec").redirectErrorStream(true);
        pb.environment().put("JUPYTER_DATA_DIR", jupyterData.toString());
        pb.environment().put("JUPYTER_CONFIG_DIR", jupyterData.resolve("config").toString());
        pb.environment().put("JUPYTER_PATH", jupyterData.toString());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:"
                + System.getenv().getOrDefault("PATH", "/bin"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), out);
        return new Run(p.exitValue(), out);
    }

    @Test
    void aSpecOfADeletedCloneIsReplacedByOneRunningThisCheckout() throws Exception {
        Workbench.require(Files.isExecutable(Path.of(Workbench.JUPYTER)), Workbench.JUPYTER + " is missing");
        Path spec = Files.createDirectories(jupyterData.resolve("kernels/foolshap")).resolve("kernel.json");
        String gone = jupyterData.resolve("deleted-clone").toString();
        Files.writeString(spec, "{\"argv\": [\"java\", \"-jar\", \"" + gone + "/environment/kernel/target/"
                + "foolshap-kernel.jar\", \"{connection_file}\"], \"display_name\": \"old\", \"language\": \"java\","
                + " \"env\": {\"FOOLSHAP_HOME\": \"" + gone + "\"}}", StandardCharsets.UTF_8);

        Run first = workbench();
        assertEquals(0, first.code(), first.out());
        assertTrue(first.out().contains(gone + ", which was moved or deleted"), first.out());
        String written = Files.readString(spec, StandardCharsets.UTF_8);
        assertTrue(written.contains(Workbench.KERNEL_JAR.toString()) && written.contains(Workbench.LIB_JAR.toString())
                && !written.contains(gone), written);

        Run again = workbench(); // already current: left alone, nothing said
        assertEquals(0, again.code(), again.out());
        assertEquals("", again.out().lines().filter(l -> l.startsWith("workbench:")).reduce("", String::concat));
        assertEquals(written, Files.readString(spec, StandardCharsets.UTF_8));
    }
}
