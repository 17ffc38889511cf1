package org.foolshap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * End to end in a real browser: Jupyter Notebook served on 127.0.0.1 (a free port, a random token) on a copy of
 * {@code notebooks/01-quickstart.ipynb}; headless Debian Chromium driven by playwright-core
 * ({@code environment/browser-test/quickstart.mjs}) opens it, runs all cells from the Cell menu, types a cell that
 * draws a chart, and checks the PNG images appear with no error output. Skipped without Chromium, node or
 * playwright-core (failed under CI=true, where environment/workbench test installs them). At most about 8 minutes;
 * the server and its kernels are stopped at the end.
 */
class BrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCRIPT_DIR = Workbench.ROOT.resolve("environment/browser-test");
    static final Duration SERVER_START = Duration.ofSeconds(90);
    static final long BROWSER_MINUTES = 7;

    @Test
    void quickstartDrawsItsChartInChromium() throws Exception {
        Workbench.requireJupyter();
        Workbench.require(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing (Debian package chromium)");
        String node = which("node");
        Workbench.require(node != null, "node is missing");
        Workbench.require(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "playwright-core is not installed (cd environment/browser-test && npm ci)");
        Workbench.installKernelspec();

        // Serve a copy, so the browser session can never write into the committed notebook; ../lib as in the repo.
        Path work = Workbench.TARGET.resolve("browser/work");
        Path notebooks = work.resolve("notebooks");
        Files.createDirectories(notebooks);
        Files.copy(Workbench.NOTEBOOKS.resolve("01-quickstart.ipynb"), notebooks.resolve("01-quickstart.ipynb"),
                StandardCopyOption.REPLACE_EXISTING);
        Path lib = work.resolve("lib");
        if (!Files.exists(lib, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(lib, Workbench.ROOT.resolve("lib"));
        }
        Path logs = Workbench.TARGET.resolve("browser");

        int port = freePort();
        String token = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16));
        String base = "http://127.0.0.1:" + port;
        ProcessBuilder server = new ProcessBuilder(Workbench.JUPYTER, "notebook", "--no-browser", "--ip=127.0.0.1",
                "--port=" + port, "--port-retries=0", "--NotebookApp.token=" + token,
                "--notebook-dir=" + notebooks, "--allow-root")
                .directory(notebooks.toFile());
        Workbench.configure(server.environment());
        Path serverLog = logs.resolve("server.log");
        Process jupyter = server.redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            waitForServer(http, base, token, jupyter, serverLog);
            Path browserLog = logs.resolve("browser.log");
            ProcessBuilder pb = new ProcessBuilder(node, SCRIPT_DIR.resolve("quickstart.mjs").toString(), base, token,
                    logs.toString()).directory(SCRIPT_DIR.toFile());
            pb.environment().put("CHROMIUM", CHROMIUM.toString());
            Process browser = pb.redirectErrorStream(true).redirectOutput(browserLog.toFile()).start();
            if (!browser.waitFor(BROWSER_MINUTES, TimeUnit.MINUTES)) {
                kill(browser);
                fail("the browser test did not finish in " + BROWSER_MINUTES + " minutes; see " + browserLog);
            }
            String out = Files.readString(browserLog, StandardCharsets.UTF_8);
            System.out.println(out);
            assertEquals(0, browser.exitValue(), "browser test failed (screenshot and logs in " + logs + "):\n" + out);
        } finally {
            shutdownKernels(http, base, token);
            kill(jupyter);
        }
    }

    private static void waitForServer(HttpClient http, String base, String token, Process jupyter, Path log)
            throws Exception {
        long deadline = System.nanoTime() + SERVER_START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jupyter.isAlive()) {
                fail("jupyter notebook exited: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/status"))
                        .header("Authorization", "token " + token).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        fail("jupyter notebook did not answer within " + SERVER_START.toSeconds() + " s; see " + log);
    }

    /** Best effort: ask the server to shut its kernels down before the server itself is stopped. */
    private static void shutdownKernels(HttpClient http, String base, String token) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/kernels"))
                    .header("Authorization", "token " + token).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"id\":\\s*\"([0-9a-f-]+)\"").matcher(r.body());
            while (m.find()) {
                http.send(HttpRequest.newBuilder(URI.create(base + "/api/kernels/" + m.group(1)))
                        .header("Authorization", "token " + token).timeout(Duration.ofSeconds(10)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        } catch (IOException | InterruptedException e) {
            System.out.println("could not shut kernels down through the API: " + e);
        }
    }

    /** Stops a process we started and everything it started: politely, then by force. */
    private static void kill(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        for (ProcessHandle c : children) {
            if (c.isAlive()) {
                c.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}
