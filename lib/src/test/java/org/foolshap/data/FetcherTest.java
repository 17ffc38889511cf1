package org.foolshap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetch against a loopback HTTP server started here: good, corrupted, truncated and missing responses. */
class FetcherTest {
    private static final byte[] BODY = "age,income\n39,0\n50,1\n".repeat(2000).getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path cache;

    private HttpServer server;
    private String base;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good/data.csv", ex -> {
            ex.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/corrupt/data.csv", ex -> {
            byte[] bad = BODY.clone();
            bad[100] ^= 1; // same length, one bit flipped
            ex.sendResponseHeaders(200, bad.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bad);
            }
        });
        server.createContext("/truncated/data.csv", ex -> {
            ex.sendResponseHeaders(200, BODY.length); // promises every byte...
            OutputStream out = ex.getResponseBody();
            out.write(BODY, 0, BODY.length / 2); // ...sends half, then drops the connection
            out.flush();
            ex.close();
        });
        server.createContext("/chunked-short/data.csv", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: the client cannot know the length
            try (OutputStream out = ex.getResponseBody()) {
                out.write(BODY, 0, BODY.length - 10);
            }
        });
        server.createContext("/stall/data.csv", ex -> {
            ex.sendResponseHeaders(200, BODY.length); // promises every byte...
            OutputStream out = ex.getResponseBody();
            out.write(BODY, 0, 1000); // ...sends a few, then stalls without closing the connection
            out.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private static Catalog.Entry entry(String url, String sha, Long bytes) {
        return new Catalog.Entry("demo", "demo", null, "test", "none",
                List.of(new Catalog.RawFile("data.csv", url, sha, bytes)), null, "income", null, null, null, null);
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private Fetcher fetcher() {
        return new Fetcher(cache, log::add);
    }

    private void assertNothingLeft() throws IOException {
        Path dir = cache.resolve("demo");
        // a failed first fetch removes the folder it created: no empty ~/.cache/foolshap/NAME is left behind
        assertFalse(Files.exists(dir), "the folder a failed fetch created is removed");
        Files.createDirectories(dir);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no partial or final file may remain");
        }
    }

    @Test
    void downloadsAndVerifies() throws Exception {
        var got = fetcher().fetch(entry(base + "/good/data.csv", sha(BODY), (long) BODY.length), null);
        assertEquals(1, got.size());
        assertTrue(got.get(0).verified());
        assertArrayEquals(BODY, Files.readAllBytes(cache.resolve("demo/data.csv")));
        assertFalse(Files.exists(cache.resolve("demo/data.csv.part")));
        // A second fetch finds the verified copy and does not download again.
        server.removeContext("/good/data.csv");
        assertTrue(fetcher().fetch(entry(base + "/good/data.csv", sha(BODY), (long) BODY.length), null).get(0).reused());
    }

    @Test
    void corruptedDownloadIsDeletedAndFails() throws Exception {
        var e = assertThrows(Fetcher.FetchException.class,
                () -> fetcher().fetch(entry(base + "/corrupt/data.csv", sha(BODY), (long) BODY.length), null));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertNothingLeft();
    }

    @Test
    void truncatedDownloadIsDeletedAndFails() throws Exception {
        var e = assertThrows(Fetcher.FetchException.class,
                () -> fetcher().fetch(entry(base + "/truncated/data.csv", sha(BODY), null), null));
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("broke off"), e.getMessage());
        assertNothingLeft();
    }

    /** A server that stops sending without closing the connection: the read timeout ends the download. */
    @Test
    void aStalledDownloadTimesOutAndIsDeleted() throws Exception {
        Fetcher fetcher = new Fetcher(cache, log::add, java.time.Duration.ofMillis(300));
        var e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThrows(Fetcher.FetchException.class,
                        () -> fetcher.fetch(entry(base + "/stall/data.csv", sha(BODY), (long) BODY.length), null)));
        assertTrue(e.getMessage().contains("stalled") && e.getMessage().contains("/stall/data.csv"), e.getMessage());
        assertNothingLeft();
    }

    @Test
    void shortBodyOfUnknownLengthFailsOnTheCatalogSize() throws Exception {
        var e = assertThrows(Fetcher.FetchException.class,
                () -> fetcher().fetch(entry(base + "/chunked-short/data.csv", null, (long) BODY.length), null));
        assertTrue(e.getMessage().contains("bytes"), e.getMessage());
        assertNothingLeft();
    }

    @Test
    void httpErrorsFail() throws Exception {
        var e = assertThrows(Fetcher.FetchException.class,
                () -> fetcher().fetch(entry(base + "/nothing/here.csv", sha(BODY), null), null));
        assertTrue(e.getMessage().contains("404"), e.getMessage());
        assertNothingLeft();
    }

    @Test
    void unknownChecksumKeepsTheFileAndReportsTheDigest() throws Exception {
        var got = fetcher().fetch(entry(base + "/good/data.csv", null, null), null);
        assertFalse(got.get(0).verified());
        assertEquals(sha(BODY), got.get(0).sha256());
        String digest = sha(BODY);
        assertTrue(log.stream().anyMatch(l -> l.contains("NOT verified") && l.contains(digest)), log.toString());
    }

    @Test
    void fromAMirrorUrlOrDirectory() throws Exception {
        // --from URL: BASE/<name>/<file>
        server.createContext("/mirror/demo/data.csv", ex -> {
            ex.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(BODY);
            }
        });
        assertTrue(fetcher().fetch(entry(null, sha(BODY), null), base + "/mirror/").get(0).verified());
        // --from DIR: DIR/<name>/<file>, and a corrupted mirror copy fails.
        Path mirror = Files.createTempDirectory("mirror");
        Files.createDirectories(mirror.resolve("demo"));
        Files.write(mirror.resolve("demo/data.csv"), BODY);
        Path other = cache.resolve("other");
        var viaDir = new Fetcher(other, log::add).fetch(entry(null, sha(BODY), null), mirror.toString());
        assertTrue(viaDir.get(0).verified());
        Files.write(mirror.resolve("demo/data.csv"), "tampered".getBytes(StandardCharsets.US_ASCII));
        Path third = cache.resolve("third");
        assertThrows(Fetcher.FetchException.class,
                () -> new Fetcher(third, log::add).fetch(entry(null, sha(BODY), null), mirror.toString()));
        assertFalse(Files.exists(third.resolve("demo/data.csv")));
    }

    @Test
    void noUrlAndNoMirrorIsAClearError() {
        var e = assertThrows(Fetcher.FetchException.class, () -> fetcher().fetch(entry(null, null, null), null));
        assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
    }

    @Test
    void theRealCatalogVerifiesTheMirrorAndTheCacheIsThenFound() throws Exception {
        Path mirror = Mirror.require("adult", "adult.data", "adult.test");
        var got = new Fetcher(cache.resolve("foolshap"), log::add).fetch(Catalog.load().entry("adult"), mirror.toString());
        assertEquals(2, got.size());
        assertTrue(got.stream().allMatch(Fetcher.Fetched::verified));
        // XDG_CACHE_HOME=cache makes cache/foolshap the per-user cache, where load now finds adult.
        var locator = new DataLocator(java.util.Map.of("XDG_CACHE_HOME", cache.toString()), cache.resolve("home"));
        assertEquals(48_842, Datasets.load("adult", null, locator).rowCount());
    }

    @Test
    void requiredFilesAreExtractedFromNestedZips() throws Exception {
        var inner = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(inner)) {
            z.putNextEntry(new java.util.zip.ZipEntry("bank-full.csv"));
            z.write(BODY);
            z.closeEntry();
        }
        var outer = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(outer)) {
            z.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            z.write("x".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
            z.putNextEntry(new java.util.zip.ZipEntry("bank.zip"));
            z.write(inner.toByteArray());
            z.closeEntry();
        }
        byte[] zip = outer.toByteArray();
        server.createContext("/zip/data.zip", ex -> {
            ex.sendResponseHeaders(200, zip.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(zip);
            }
        });
        var e = new Catalog.Entry("demo", "demo", null, "test", "none",
                List.of(new Catalog.RawFile("data.zip", base + "/zip/data.zip", sha(zip), (long) zip.length)),
                List.of("bank-full.csv"), "y", null, null, null, null);
        fetcher().fetch(e, null);
        assertArrayEquals(BODY, Files.readAllBytes(cache.resolve("demo/bank-full.csv")));
        assertFalse(Files.exists(cache.resolve("demo/bank-full.csv.part")));
    }
}
