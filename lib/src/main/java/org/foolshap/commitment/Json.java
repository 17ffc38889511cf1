package org.foolshap.commitment;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.foolshap.AtomicFiles;

/** Reading and writing the protocol's JSON files, with one-line errors naming the file and the field. */
final class Json {
    /** Largest protocol file read. */
    static final long MAX_BYTES = 1L << 28;
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().serializeNulls().create();

    private Json() {
    }

    /** The object in {@code file}, whose "format" must be {@code format}. */
    static JsonObject read(Path file, String format) {
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("file " + file + " does not exist");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("file " + file + " is larger than " + MAX_BYTES + " bytes");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString(), format);
    }

    static JsonObject parse(String text, String source, String format) {
        JsonElement e;
        try {
            e = JsonParser.parseString(text);
        } catch (JsonParseException ex) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + firstLine(ex.getMessage()));
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(source + " does not hold a JSON object");
        }
        JsonObject o = e.getAsJsonObject();
        String f = string(o, "format", source);
        if (!f.equals(format)) {
            throw new IllegalArgumentException(source + " has format '" + f + "', expected '" + format + "'");
        }
        return o;
    }

    static void write(Path file, JsonObject o) {
        byte[] bytes = (GSON.toJson(o) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static JsonElement field(JsonObject o, String key, String source) {
        JsonElement e = o.get(key);
        if (e == null) {
            throw new IllegalArgumentException(source + " has no field '" + key + "'");
        }
        return e;
    }

    static String string(JsonObject o, String key, String source) {
        JsonElement e = field(o, key, source);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(source + ": field '" + key + "' must be a string");
        }
        return e.getAsString();
    }

    /** A string field that may be null. */
    static String optionalString(JsonObject o, String key, String source) {
        JsonElement e = field(o, key, source);
        return e.isJsonNull() ? null : string(o, key, source);
    }

    static long integer(JsonObject o, String key, String source) {
        return integer(field(o, key, source), source + ": field '" + key + "'");
    }

    static long integer(JsonElement e, String what) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(what + " must be an integer");
        }
        try {
            return e.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
        } catch (ArithmeticException | NumberFormatException ex) {
            throw new IllegalArgumentException(what + " must be an integer, got " + e);
        }
    }

    static JsonArray array(JsonObject o, String key, String source) {
        JsonElement e = field(o, key, source);
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException(source + ": field '" + key + "' must be an array");
        }
        return e.getAsJsonArray();
    }

    static JsonObject object(JsonObject o, String key, String source) {
        JsonElement e = field(o, key, source);
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(source + ": field '" + key + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    static JsonObject schema(Schema s) {
        JsonObject o = new JsonObject();
        JsonArray cols = new JsonArray();
        for (Schema.ColumnSpec c : s.columns()) {
            JsonObject col = new JsonObject();
            col.addProperty("name", c.name());
            col.addProperty("type", c.type().id());
            cols.add(col);
        }
        o.add("columns", cols);
        JsonArray groups = new JsonArray();
        s.groupColumns().forEach(groups::add);
        o.add("group_columns", groups);
        return o;
    }

    static Schema schema(JsonObject o, String source) {
        List<Schema.ColumnSpec> cols = new ArrayList<>();
        for (JsonElement e : array(o, "columns", source)) {
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(source + ": every column must be an object");
            }
            JsonObject c = e.getAsJsonObject();
            cols.add(new Schema.ColumnSpec(string(c, "name", source), Schema.Type.parse(string(c, "type", source))));
        }
        List<String> groups = new ArrayList<>();
        for (JsonElement e : array(o, "group_columns", source)) {
            groups.add(e.getAsString());
        }
        try {
            return new Schema(cols, groups);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    /** A value of a column of this type as JSON. */
    static JsonElement value(Object v) {
        if (v == null) {
            return com.google.gson.JsonNull.INSTANCE;
        }
        if (v instanceof String s) {
            return new JsonPrimitive(s);
        }
        return new JsonPrimitive((Number) v);
    }

    /** A JSON value read back as the column's type (Long, Double, String or null). */
    static Object value(JsonElement e, Schema.ColumnSpec column, String what) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        String where = what + ", column " + column.name();
        switch (column.type()) {
            case INTEGER, LONG -> {
                return integer(e, where);
            }
            case DOUBLE -> {
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                    throw new IllegalArgumentException(where + " must be a number");
                }
                return e.getAsDouble();
            }
            default -> {
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                    throw new IllegalArgumentException(where + " must be a string");
                }
                return e.getAsString();
            }
        }
    }

    private static String firstLine(String m) {
        String s = m == null ? "" : m.lines().findFirst().orElse("");
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
