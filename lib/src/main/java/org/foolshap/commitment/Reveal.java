package org.foolshap.commitment;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The company's answer to a request ({@code reveal.json}): exactly the requested rows, in request order, each with
 * its inclusion proof. Checked by {@link Verifier}.
 */
public record Reveal(String root, List<RevealedRow> rows) {
    public static final String FORMAT = "foolshap-reveal-v1";

    public Reveal {
        Sha256.parse("the root", root);
        rows = List.copyOf(rows);
    }

    /** The revealed rows as a table with the schema's columns and types, in request order. */
    public Table toTable(Schema schema) {
        Table t = Table.create("revealed rows");
        for (int j = 0; j < schema.columns().size(); j++) {
            Schema.ColumnSpec c = schema.columns().get(j);
            Column<?> col = switch (c.type()) {
                case INTEGER -> IntColumn.create(c.name());
                case LONG -> LongColumn.create(c.name());
                case DOUBLE -> DoubleColumn.create(c.name());
                case TEXT -> StringColumn.create(c.name());
            };
            for (RevealedRow r : rows) {
                Object v = r.values().get(j);
                if (v == null) {
                    col.appendMissing();
                } else {
                    switch (c.type()) {
                        case INTEGER -> ((IntColumn) col).append(Math.toIntExact((Long) v));
                        case LONG -> ((LongColumn) col).append((Long) v);
                        case DOUBLE -> ((DoubleColumn) col).append((Double) v);
                        case TEXT -> ((StringColumn) col).append((String) v);
                    }
                }
            }
            t.addColumns(col);
        }
        return t;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("root", root);
        JsonArray list = new JsonArray();
        HexFormat hex = HexFormat.of();
        for (RevealedRow r : rows) {
            JsonObject row = new JsonObject();
            row.addProperty("position", r.position());
            row.addProperty("index", r.index());
            JsonArray values = new JsonArray();
            r.values().forEach(v -> values.add(Json.value(v)));
            row.add("values", values);
            JsonArray ranks = new JsonArray();
            for (long k : r.ranks()) {
                ranks.add(k);
            }
            row.add("ranks", ranks);
            row.add("output", Json.value(r.output()));
            JsonArray proof = new JsonArray();
            r.proof().forEach(h -> proof.add(hex.formatHex(h)));
            row.add("proof", proof);
            list.add(row);
        }
        o.add("rows", list);
        return o;
    }

    /** Parses a reveal; values are read with the column types of {@code schema} (the commitment's). */
    public static Reveal fromJson(JsonObject o, String source, Schema schema) {
        List<RevealedRow> rows = new ArrayList<>();
        JsonArray list = Json.array(o, "rows", source);
        for (int k = 0; k < list.size(); k++) {
            String where = source + ": row " + k;
            if (!list.get(k).isJsonObject()) {
                throw new IllegalArgumentException(where + " must be an object");
            }
            JsonObject r = list.get(k).getAsJsonObject();
            JsonArray values = Json.array(r, "values", where);
            if (values.size() != schema.columns().size()) {
                throw new IllegalArgumentException(where + " has " + values.size() + " values for "
                        + schema.columns().size() + " columns");
            }
            List<Object> v = new ArrayList<>();
            for (int j = 0; j < values.size(); j++) {
                v.add(Json.value(values.get(j), schema.columns().get(j), where));
            }
            JsonArray ranks = Json.array(r, "ranks", where);
            long[] rk = new long[ranks.size()];
            for (int j = 0; j < rk.length; j++) {
                rk[j] = Json.integer(ranks.get(j), where + ", rank " + j);
            }
            JsonElement out = Json.field(r, "output", where);
            Double output = out.isJsonNull() ? null
                    : (Double) Json.value(out, new Schema.ColumnSpec("output", Schema.Type.DOUBLE), where);
            List<byte[]> proof = new ArrayList<>();
            for (JsonElement h : Json.array(r, "proof", where)) {
                proof.add(Sha256.parse(where + ", proof hash", h.isJsonPrimitive() ? h.getAsString() : null));
            }
            rows.add(new RevealedRow(Json.integer(r, "position", where), Json.integer(r, "index", where), v, rk,
                    output, proof));
        }
        return new Reveal(Json.string(o, "root", source), rows);
    }

    public static Reveal read(Path file, Schema schema) {
        return fromJson(Json.read(file, FORMAT), file.toString(), schema);
    }

    public void write(Path file) {
        Json.write(file, toJson());
    }
}
