package org.foolshap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.foolshap.data.Features;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ModelFile.load's dispatch: magic bytes first, then built-in suffixes, then ServiceLoader providers. */
class ModelFormatsTest {
    @TempDir
    Path dir;

    @Test
    void providersOnTheClassPathAreFoundBySuffix() throws Exception {
        Path p = dir.resolve("m.LINEAR");
        Files.writeString(p, "u:2 v:-1");
        ModelFile m = ModelFile.load(p);
        assertEquals(List.of("u", "v"), m.features().names());
        assertEquals(ModelKind.EXTERNAL, m.kind());
        assertEquals("test-linear", m.info().get("format"));
        assertEquals(0.5 + 2 * 3 - 4, m.model().output(new double[] {3, 4}), 1e-12);
        assertTrue(m.features().get(0).missingAllowed());
        Path bad = dir.resolve("bad.linear");
        Files.writeString(bad, "u=2");
        var e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(bad));
        assertEquals("model file " + bad + " (test-linear) has 'u=2' where name:weight belongs", e.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(dir.resolve("x.bin")));
        assertTrue(unknown.getMessage().contains("does not exist"), unknown.getMessage());
    }

    @Test
    void workbenchFilesAreRecognisedWhateverTheirName() throws Exception {
        Path p = dir.resolve("looks-like-xgboost.json");
        var f = new ModelFile(new Features(List.of(org.foolshap.data.Feature.numeric("a"))), Model.linear(1, 2),
                ModelKind.LOGISTIC, "y", List.of("0", "1"), Map.of());
        f.save(p);
        assertEquals(ModelKind.LOGISTIC, ModelFile.load(p).kind());
    }

    @Test
    void schemaAndOutputOptions() throws Exception {
        Path p = dir.resolve("m.linear");
        Files.writeString(p, "u:2 v:-1");
        var inputs = new ModelInputs(List.of(), List.of("v", "u", "label"), Set.of("label"), ModelInputs.Output.OWN);
        assertEquals(List.of("u", "v"), ModelFile.load(p, inputs).features().names());
        var text = new ModelInputs(List.of(), List.of("v", "u"), Set.of("u"), ModelInputs.Output.OWN);
        var e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(p, text));
        assertTrue(e.getMessage().contains("column u holds text"), e.getMessage());
        var absent = new ModelInputs(List.of(), List.of("v", "w"), Set.of(), ModelInputs.Output.OWN);
        e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(p, absent));
        assertTrue(e.getMessage().contains("takes 2 features, and 1 of them are not columns of the CSV file: [u]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(p, ModelInputs.none()
                .withProbability(true)));
        assertTrue(e.getMessage().contains("outputs raw values (e.g. a regression), not a log-odds"), e.getMessage());
    }
}
