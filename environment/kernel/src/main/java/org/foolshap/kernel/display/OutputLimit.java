package org.foolshap.kernel.display;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The largest rich output (one {@code execute_result}, {@code display_data} or {@code update_display_data}) the
 * kernel sends. A bundle whose MIME values total more than {@value #MAX_CHARS} characters is not sent at all: it
 * is replaced by a one-line {@code text/plain} note naming the MIME type, the size and the limit, and saying what
 * to do instead. Cutting HTML or an image would show broken markup or a corrupt picture, and sending it would
 * freeze the browser tab and bloat the saved notebook; a stock Jupyter server would drop it anyway (its default
 * {@code iopub_data_rate_limit} of 1,000,000 bytes/s over a 3 s window) and then hold back the next outputs too,
 * with a message about rates the user cannot connect to the cell. The limit is that server's window: 3,000,000.
 */
public final class OutputLimit {
    /** Most characters of MIME data (all types together) in one rich output. */
    public static final int MAX_CHARS = 3_000_000;

    private static final Gson GSON = new Gson();

    private OutputLimit() {
    }

    /**
     * @return {@code data} itself when within {@value #MAX_CHARS} characters, else a new bundle holding only the
     *         note (no display id: the caller sets it, so an update still replaces the right output)
     */
    public static DisplayData bound(DisplayData data) {
        JsonObject bundle = mimeData(data);
        long total = 0;
        String largest = null;
        long largestSize = -1;
        for (Map.Entry<String, JsonElement> e : bundle.entrySet()) {
            long size = size(e.getValue());
            total += size;
            if (size > largestSize) {
                largest = e.getKey();
                largestSize = size;
            }
        }
        if (total <= MAX_CHARS) {
            return data;
        }
        DisplayData note = new DisplayData();
        note.putText(note(largest, total));
        return note;
    }

    /** The note that replaces an output of {@code total} characters, mostly {@code mime}. */
    static String note(String mime, long total) {
        return String.format("[%s output not shown: %,d characters, over the kernel's limit of %,d for one output."
                + " Write it to a file and open that, or display less (fewer rows, a smaller image).]",
                mime, total, MAX_CHARS);
    }

    /**
     * The bundle's {@code data} as it goes on the wire (jjava serializes {@link DisplayData} with gson, so this is
     * exactly the message's {@code data} object). Strings are wrapped, not copied.
     */
    private static JsonObject mimeData(DisplayData data) {
        JsonElement tree = GSON.toJsonTree(data);
        JsonElement d = tree.isJsonObject() ? tree.getAsJsonObject().get("data") : null;
        return d != null && d.isJsonObject() ? d.getAsJsonObject() : new JsonObject();
    }

    private static long size(JsonElement value) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return value.getAsString().length();
        }
        return value.toString().length(); // a JSON value (application/json, vega specs): its serialized length
    }
}
