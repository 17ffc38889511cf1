package org.foolshap.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tests' data lookup walks the user's path: data folder, then cache, then a fetch into the cache. */
class MirrorTest {
    @TempDir
    Path root;

    private final List<String> fetched = new ArrayList<>();

    private static void put(Path dir, String file) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), "x");
    }

    private DataLocator locator(Map<String, String> env) {
        return new DataLocator(env, root.resolve("home"));
    }

    private String offline(String dataset, Path cache) {
        fetched.add(dataset);
        return "cannot reach the server";
    }

    @Test
    void theConfiguredFolderComesFirstThenSharedDatasetsBesideTheProject() throws Exception {
        put(root.resolve("data/compas"), "compas.csv");
        put(root.resolve("shared/datasets/compas"), "compas.csv");
        Path clone = Files.createDirectories(root.resolve("clone/lib"));
        var env = locator(Map.of("FOOLSHAP_DATA", root.resolve("data").toString()));
        assertEquals(root.resolve("data"), Mirror.find(env, clone, this::offline, "compas", "compas.csv").dir());
        assertEquals(root.resolve("shared/datasets"),
                Mirror.find(locator(Map.of()), clone, this::offline, "compas", "compas.csv").dir());
        assertEquals(List.of(), fetched);
    }

    @Test
    void theCacheServesWhenTheFolderLacksTheFile() throws Exception {
        put(root.resolve("home/.cache/foolshap/compas"), "compas.csv");
        var found = Mirror.find(emptyFolder(), root, this::offline, "compas", "compas.csv");
        assertEquals(root.resolve("home/.cache/foolshap"), found.dir());
        assertEquals(List.of(), fetched, "no fetch when the cache has it");
    }

    /** A data folder without the dataset (so the lookup never walks up to a shared/datasets of this machine). */
    private DataLocator emptyFolder() throws Exception {
        return locator(Map.of("FOOLSHAP_DATA", Files.createDirectories(root.resolve("empty")).toString()));
    }

    @Test
    void aSuccessfulFetchFillsTheCacheAndIsUsed() throws Exception {
        var found = Mirror.find(emptyFolder(), root, (dataset, cache) -> {
            try {
                put(cache.resolve(dataset), "compas.csv");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return null;
        }, "compas", "compas.csv");
        assertEquals(root.resolve("home/.cache/foolshap"), found.dir());
    }

    @Test
    void withNothingAnywhereTheReasonNamesEveryPlaceTried() throws Exception {
        var found = Mirror.find(emptyFolder(), root, this::offline, "compas", "compas.csv");
        assertNull(found.dir());
        assertEquals(List.of("compas"), fetched);
        assertTrue(found.why().contains("not in " + root.resolve("empty/compas"))
                && found.why().contains(".cache/foolshap/compas")
                && found.why().contains("cannot reach the server"), found.why());
    }
}
