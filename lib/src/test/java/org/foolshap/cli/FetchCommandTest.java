package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.foolshap.cli.DataCommandsTest.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fetch against a server that stalls mid-download (issue 16, item 13): --timeout ends it with one line, and stopping
 * the process (Ctrl-C, SIGTERM) leaves no .part file, as the help promises.
 */
class FetchCommandTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private String base;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/compas/compas.csv", ex -> {
            ex.sendResponseHeaders(200, 10_000_000);
            OutputStream out = ex.getResponseBody();
            out.write(new byte[4096]);
            out.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private static List<String> files(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void anUnreachableServerIsExplainedInWordsAndLeavesNoFolder() throws Exception {
        int closed;
        try (var probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort(); // nothing listens there once the probe is closed
        }
        Path cache = dir.resolve("cache");
        Run r = DataCommandsTest.run("fetch", "--dataset", "compas", "--data-dir", "http://127.0.0.1:" + closed,
                "--cache-dir", cache.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("cannot reach 127.0.0.1") && err.contains("no network connection"), err);
        assertTrue(err.contains("--data-dir DIR"), "suggests the local-copy option: " + err);
        assertFalse(err.contains("Exception"), "says the problem, not an exception class: " + err);
        assertFalse(Files.exists(cache), "no empty folder left behind: " + files(cache));
    }

    @Test
    void aStalledServerTimesOutWithOneLine() throws Exception {
        Path cache = dir.resolve("cache");
        Run r = DataCommandsTest.run("fetch", "--dataset", "compas", "--from", base, "--cache-dir", cache.toString(),
                "--timeout", "0.5");
        assertEquals(1, r.code(), r.out() + r.err());
        String err = r.err().strip();
        assertTrue(err.contains("stalled") && err.contains(base + "/compas/compas.csv"), err);
        assertEquals(1, err.lines().count(), err);
        assertEquals(List.of(), files(cache.resolve("compas")));
    }

    @Test
    void stoppingFetchMidDownloadLeavesNoPartFile() throws Exception {
        Path cache = dir.resolve("cache");
        Path part = cache.resolve("compas").resolve("compas.csv.part");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "fetch", "--dataset", "compas", "--from", base, "--cache-dir", cache.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("fetch.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(part) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(part), "the download started: " + Files.readString(dir.resolve("fetch.log")));
            p.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "fetch stopped");
        } finally {
            p.destroyForcibly();
        }
        assertFalse(Files.exists(part), "partial file left: " + files(part.getParent()));
        assertEquals(List.of(), files(part.getParent()));
    }
}
