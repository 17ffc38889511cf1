package org.foolshap.commitment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a company publishes before an audit ({@code commitment.json}): the Merkle root over its rows, the row count,
 * the hash scheme, the schema, the size of each level of each group column (so that an auditor can draw uniformly
 * from a group without seeing the data), and the SHA-256 of the model file whose outputs the leaves bind, if any.
 * It reveals no row; the level counts are the only aggregate it discloses (see the package documentation).
 *
 * @param root        the RFC 6962 Merkle tree hash of the row encodings, 64 hex digits
 * @param rows        the number of rows (leaves)
 * @param schema      columns, types and group columns
 * @param groups      for each group column, the count of each level (levels in sorted order)
 * @param modelSha256 the SHA-256 of the model file whose outputs are in the leaves, or null
 */
public record Commitment(String root, long rows, Schema schema, Map<String, Map<String, Long>> groups,
                         String modelSha256) {
    public static final String FORMAT = "foolshap-commitment-v1";
    /** The hash scheme, as written in the file. */
    public static final String SCHEME = "RFC 6962 Merkle tree over SHA-256 (leaf 0x00, node 0x01) of FSROW1 row "
            + "encodings; draws FSDRAW1 (SHA-256 counter mode)";

    public Commitment {
        Sha256.parse("the root", root);
        if (rows < 1) {
            throw new IllegalArgumentException("a commitment covers at least one row, got " + rows);
        }
        Map<String, Map<String, Long>> g = new LinkedHashMap<>();
        for (String column : schema.groupColumns()) {
            Map<String, Long> levels = groups.get(column);
            if (levels == null) {
                throw new IllegalArgumentException("the commitment has no level counts for group column " + column);
            }
            long total = 0;
            for (long c : levels.values()) {
                if (c < 1) {
                    throw new IllegalArgumentException("group column " + column + " has a level counted " + c);
                }
                total += c;
            }
            if (total != rows) {
                throw new IllegalArgumentException("the levels of group column " + column + " count " + total
                        + " rows, the commitment " + rows);
            }
            g.put(column, Collections.unmodifiableMap(new TreeMap<>(levels)));
        }
        if (g.size() != groups.size()) {
            throw new IllegalArgumentException("level counts for columns that are not group columns: "
                    + groups.keySet());
        }
        groups = Collections.unmodifiableMap(g);
        if (modelSha256 != null) {
            Sha256.parse("the model's SHA-256", modelSha256);
        }
    }

    /** Whether the leaves hold the outputs of a model. */
    public boolean bindsModel() {
        return modelSha256 != null;
    }

    /** The number of rows whose {@code column} has {@code level}, or an error naming what exists. */
    public long groupSize(String column, String level) {
        Map<String, Long> levels = groups.get(column);
        if (levels == null) {
            throw new IllegalArgumentException("column '" + column + "' is not a group column of the commitment "
                    + "(group columns: " + schema.groupColumns() + ")");
        }
        Long n = levels.get(level);
        if (n == null) {
            throw new IllegalArgumentException("no row has " + column + " = '" + level + "' (levels: "
                    + levels.keySet() + ")");
        }
        return n;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("scheme", SCHEME);
        o.addProperty("root", root);
        o.addProperty("rows", rows);
        o.add("schema", Json.schema(schema));
        JsonObject g = new JsonObject();
        groups.forEach((column, levels) -> {
            JsonObject l = new JsonObject();
            levels.forEach(l::addProperty);
            g.add(column, l);
        });
        o.add("groups", g);
        if (modelSha256 == null) {
            o.add("model_sha256", com.google.gson.JsonNull.INSTANCE);
        } else {
            o.addProperty("model_sha256", modelSha256);
        }
        return o;
    }

    public static Commitment fromJson(JsonObject o, String source) {
        String root = Json.string(o, "root", source);
        long rows = Json.integer(o, "rows", source);
        Schema schema = Json.schema(Json.object(o, "schema", source), source);
        Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : Json.object(o, "groups", source).entrySet()) {
            if (!e.getValue().isJsonObject()) {
                throw new IllegalArgumentException(source + ": the levels of " + e.getKey() + " must be an object");
            }
            Map<String, Long> levels = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> l : e.getValue().getAsJsonObject().entrySet()) {
                levels.put(l.getKey(), Json.integer(l.getValue(), source + ": the count of " + e.getKey() + " = "
                        + l.getKey()));
            }
            groups.put(e.getKey(), levels);
        }
        try {
            return new Commitment(root, rows, schema, groups, Json.optionalString(o, "model_sha256", source));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(source) ? e : new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    public static Commitment read(Path file) {
        return fromJson(Json.read(file, FORMAT), file.toString());
    }

    /** Writes the commitment atomically (a temporary file beside {@code file}, then renamed). */
    public void write(Path file) {
        Json.write(file, toJson());
    }
}
