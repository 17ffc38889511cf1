package org.foolshap.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocatorTest {
    @TempDir
    Path root;

    private final Catalog.Entry compas = Catalog.load().entry("compas");

    private Path put(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("compas.csv"), "x");
        return dir;
    }

    @Test
    void explicitDirectoryFirstThenEnvironmentThenCache() throws Exception {
        Path home = root.resolve("home");
        Path explicit = put(root.resolve("explicit/compas"));
        Path env = put(root.resolve("env/compas"));
        Path cache = put(home.resolve(".cache/foolshap/compas"));
        var locator = new DataLocator(Map.of("FOOLSHAP_DATA", root.resolve("env").toString()), home);
        assertEquals(explicit, locator.resolve(compas, root.resolve("explicit")));
        assertEquals(env, locator.resolve(compas, null));
        assertEquals(cache, new DataLocator(Map.of(), home).resolve(compas, null));
    }

    @Test
    void theOldNameFoolshapMirrorStillWorksButFoolshapDataWins() throws Exception {
        Path home = root.resolve("home");
        Path old = put(root.resolve("old/compas"));
        Path current = put(root.resolve("current/compas"));
        assertEquals(old, new DataLocator(Map.of("FOOLSHAP_MIRROR", root.resolve("old").toString()), home)
                .resolve(compas, null));
        assertEquals(current, new DataLocator(Map.of("FOOLSHAP_MIRROR", root.resolve("old").toString(),
                "FOOLSHAP_DATA", root.resolve("current").toString()), home).resolve(compas, null));
    }

    @Test
    void xdgCacheHomeIsRespected() throws Exception {
        Path xdg = root.resolve("xdg");
        Path cache = put(xdg.resolve("foolshap/compas"));
        var locator = new DataLocator(Map.of("XDG_CACHE_HOME", xdg.toString()), root.resolve("home"));
        assertEquals(xdg.resolve("foolshap"), locator.cacheDir());
        assertEquals(cache, locator.resolve(compas, null));
    }

    @Test
    void missingDataNamesTheFetchCommand() {
        var locator = new DataLocator(Map.of(), root.resolve("home"));
        var e = assertThrows(IllegalArgumentException.class, () -> locator.resolve(compas, null));
        assertTrue(e.getMessage().contains("fetch --dataset compas"), e.getMessage());
        var explicit = assertThrows(IllegalArgumentException.class, () -> locator.resolve(compas, root.resolve("nowhere")));
        assertTrue(explicit.getMessage().contains("compas.csv not found"), explicit.getMessage());
    }

    @Test
    void unknownDatasetsListTheKnownNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("adultt"));
        for (String name : new String[] {"adult", "compas", "communities", "marketing", "default_credit", "toy"}) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }
}
