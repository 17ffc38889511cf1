package org.foolshap.commitment;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The auditor's request ({@code request.json}): which rows to reveal, derived from a public seed and the commitment
 * alone, so that anyone can recompute them. The request repeats what the company needs to answer it (root, row
 * count, schema, model hash) so that {@code reveal} needs only the data and the request.
 *
 * <p>Draw ("FSDRAW1"). Positions are drawn from n = the group's size (its level count in the commitment) or the row
 * count, without replacement, by SHA-256 in counter mode:
 * <pre>
 *   block_c = SHA-256("FSDRAW1" || root (32 bytes) || u64 seed || u8 grouped
 *                     || u32 length || column (UTF-8) || u32 length || value (UTF-8) || u64 c),   c = 0, 1, ...
 * </pre>
 * each block read as four unsigned 64-bit big-endian integers x; x is kept when x >= 2^64 mod n (so that x mod n is
 * uniform) and gives position x mod n unless that position was already drawn. For a group, position p means the row
 * of rank p among the rows of that level (file order); otherwise the row at index p. The hash only spreads the seed
 * deterministically; nothing in it is secret. The seed must be chosen after the commitment is published (by the
 * auditor, or from a public randomness beacon), or the company could pick its data to suit it.
 *
 * @param group     the group drawn from, or null for the whole table
 * @param positions the m drawn positions, in draw order
 */
public record DrawRequest(String root, long rows, Schema schema, String modelSha256, long seed, int m, Group group,
                          long[] positions) {
    public static final String FORMAT = "foolshap-request-v1";
    private static final byte[] MAGIC = "FSDRAW1".getBytes(StandardCharsets.US_ASCII);

    /** A group: rows whose {@code column} is {@code value}; {@code size} of them. */
    public record Group(String column, String value, long size) {
    }

    public DrawRequest {
        Sha256.parse("the root", root);
        positions = positions.clone();
        if (positions.length != m) {
            throw new IllegalArgumentException("the request asks for " + m + " rows but lists " + positions.length
                    + " positions");
        }
    }

    @Override
    public long[] positions() {
        return positions.clone();
    }

    /** The number of rows positions are drawn from: the group's size, or the row count. */
    public long size() {
        return group == null ? rows : group.size();
    }

    /** m rows of the whole table drawn from {@code seed}. */
    public static DrawRequest draw(Commitment c, long seed, int m) {
        return new DrawRequest(c.root(), c.rows(), c.schema(), c.modelSha256(), seed, m, null,
                positions(c.root(), seed, m, null, c.rows()));
    }

    /** m rows of the group {@code column = value} drawn from {@code seed}. */
    public static DrawRequest draw(Commitment c, long seed, int m, String column, String value) {
        Group g = new Group(column, value, c.groupSize(column, value));
        return new DrawRequest(c.root(), c.rows(), c.schema(), c.modelSha256(), seed, m, g,
                positions(c.root(), seed, m, g, g.size()));
    }

    /** The FSDRAW1 positions (see the class documentation). */
    static long[] positions(String root, long seed, int m, Group group, long n) {
        if (m < 1) {
            throw new IllegalArgumentException("a draw needs at least one row, got m = " + m);
        }
        if (m > n) {
            throw new IllegalArgumentException("cannot draw " + m + " distinct rows from "
                    + (group == null ? "a table" : group.column() + " = " + group.value()) + " of " + n + " rows");
        }
        byte[] column = (group == null ? "" : group.column()).getBytes(StandardCharsets.UTF_8);
        byte[] value = (group == null ? "" : group.value()).getBytes(StandardCharsets.UTF_8);
        ByteBuffer prefix = ByteBuffer.allocate(MAGIC.length + 32 + 8 + 1 + 4 + column.length + 4 + value.length);
        prefix.put(MAGIC).put(Sha256.parse("the root", root)).putLong(seed).put((byte) (group == null ? 0 : 1))
                .putInt(column.length).put(column).putInt(value.length).put(value);
        byte[] head = prefix.array();
        long threshold = Long.remainderUnsigned(-n, n); // 2^64 mod n
        MessageDigest md = Sha256.digest();
        long[] out = new long[m];
        Set<Long> seen = new HashSet<>(2 * m);
        int k = 0;
        for (long c = 0; k < m; c++) {
            md.reset();
            md.update(head);
            ByteBuffer block = ByteBuffer.wrap(md.digest(ByteBuffer.allocate(8).putLong(c).array()));
            for (int w = 0; w < 4 && k < m; w++) {
                long x = block.getLong();
                if (Long.compareUnsigned(x, threshold) < 0) {
                    continue;
                }
                long p = Long.remainderUnsigned(x, n);
                if (seen.add(p)) {
                    out[k++] = p;
                }
            }
        }
        return out;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("root", root);
        o.addProperty("rows", rows);
        o.add("schema", Json.schema(schema));
        if (modelSha256 == null) {
            o.add("model_sha256", com.google.gson.JsonNull.INSTANCE);
        } else {
            o.addProperty("model_sha256", modelSha256);
        }
        o.addProperty("seed", seed);
        o.addProperty("m", m);
        if (group == null) {
            o.add("group", com.google.gson.JsonNull.INSTANCE);
        } else {
            JsonObject g = new JsonObject();
            g.addProperty("column", group.column());
            g.addProperty("value", group.value());
            g.addProperty("size", group.size());
            o.add("group", g);
        }
        JsonArray p = new JsonArray();
        for (long v : positions) {
            p.add(v);
        }
        o.add("positions", p);
        return o;
    }

    public static DrawRequest fromJson(JsonObject o, String source) {
        Group group = null;
        JsonElement g = Json.field(o, "group", source);
        if (!g.isJsonNull()) {
            JsonObject go = Json.object(o, "group", source);
            group = new Group(Json.string(go, "column", source), Json.string(go, "value", source),
                    Json.integer(go, "size", source));
        }
        JsonArray p = Json.array(o, "positions", source);
        long[] positions = new long[p.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = Json.integer(p.get(i), source + ": position " + i);
        }
        long m = Json.integer(o, "m", source);
        if (m < 1 || m > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(source + ": m must be a positive int, got " + m);
        }
        try {
            return new DrawRequest(Json.string(o, "root", source), Json.integer(o, "rows", source),
                    Json.schema(Json.object(o, "schema", source), source), Json.optionalString(o, "model_sha256",
                    source), Json.integer(o, "seed", source), (int) m, group, positions);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(source) ? e : new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    public static DrawRequest read(Path file) {
        return fromJson(Json.read(file, FORMAT), file.toString());
    }

    public void write(Path file) {
        Json.write(file, toJson());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DrawRequest r && r.root.equals(root) && r.rows == rows && r.schema.equals(schema)
                && java.util.Objects.equals(r.modelSha256, modelSha256) && r.seed == seed && r.m == m
                && java.util.Objects.equals(r.group, group) && Arrays.equals(r.positions, positions);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(root, seed, m, group, Arrays.hashCode(positions));
    }

    @Override
    public String toString() {
        return "DrawRequest(" + m + " rows of " + (group == null ? "the table" : group.column() + " = " + group.value())
                + " from seed " + seed + ", root " + root.substring(0, 12) + "...)";
    }
}
