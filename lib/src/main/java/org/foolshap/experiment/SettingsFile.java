package org.foolshap.experiment;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.foolshap.AtomicFiles;

/**
 * settings.json beside results.csv: the settings every row of a study depends on ({@link Study#settings()}), written
 * before the first row, so that resuming with other settings is refused instead of mixing rows computed under two
 * protocols in one table.
 */
public final class SettingsFile {
    private final Path file;

    public SettingsFile(Path file) {
        this.file = file;
    }

    /** The settings file that goes with a results file: {@code settings.json} in the same folder. */
    public static SettingsFile besides(ResultsFile results) {
        return new SettingsFile(results.path().resolveSibling("settings.json"));
    }

    public Path path() {
        return file;
    }

    /** The recorded settings, or empty when the file does not exist. */
    public Optional<Map<String, String>> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            Map<String, String> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : o.entrySet()) {
                m.put(e.getKey(), e.getValue().getAsString());
            }
            return Optional.of(m);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException(file + " exists but is not a settings file of this version; move it "
                    + "away or choose another output folder");
        }
    }

    /** Writes the settings atomically. */
    public void write(Map<String, String> settings) throws IOException {
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(settings) + "\n";
        AtomicFiles.write(file, out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
    }
}
