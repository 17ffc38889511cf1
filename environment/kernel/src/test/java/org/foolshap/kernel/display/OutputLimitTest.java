package org.foolshap.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.foolshap.kernel.runtime.Display;
import org.foolshap.kernel.runtime.Renderers;
import org.junit.jupiter.api.Test;

/** Issue 16: a 20 MB html() value is not sent (not even cut), a note takes its place; smaller outputs are untouched. */
class OutputLimitTest {
    final RichRenderer renderer = new RichRenderer();

    /** Characters of MIME data in the bundle as it goes on the wire. */
    static long wireChars(DisplayData d) {
        return new Gson().toJsonTree(d).getAsJsonObject().getAsJsonObject("data").entrySet().stream()
                .mapToLong(e -> e.getValue().getAsString().length()).sum();
    }

    @Test
    void aTwentyMegabyteHtmlValueBecomesAOneLineNote() {
        String html = "<p>" + "x".repeat(20_000_000) + "</p>";
        DisplayData sent = renderer.render(Display.html(html));
        assertFalse(sent.hasDataForType(MIMEType.TEXT_HTML));
        String note = (String) sent.getData(MIMEType.TEXT_PLAIN);
        assertFalse(note.contains("\n"), note);
        assertTrue(note.contains("text/html"), note);
        // the html plus its capped text/plain copy, as the note counts them
        long total = html.length() + ((String) Display.html(html).getData(MIMEType.TEXT_PLAIN)).length();
        assertTrue(note.contains(String.format("%,d characters", total)), note);
        assertTrue(note.contains(String.format("%,d", OutputLimit.MAX_CHARS)), note);
        assertTrue(wireChars(sent) < 1_000, "the note is all that is sent: " + wireChars(sent));
    }

    @Test
    void outputsUpToTheLimitAreSentAsTheyAre() {
        DisplayData atLimit = new DisplayData();
        atLimit.putHTML("h".repeat(OutputLimit.MAX_CHARS - 10));
        atLimit.putText("t".repeat(10));
        assertEquals(OutputLimit.MAX_CHARS, wireChars(atLimit));
        assertSame(atLimit, renderer.render(atLimit));

        DisplayData over = new DisplayData();
        over.putHTML("h".repeat(OutputLimit.MAX_CHARS - 10));
        over.putText("t".repeat(11));
        assertFalse(renderer.render(over).hasDataForType(MIMEType.TEXT_HTML));
    }

    @Test
    void theNoteNamesTheLargestPartOfARegisteredRenderersBundle() {
        class Huge {
        }
        Renderers.register(Huge.class, v -> Map.of("image/svg+xml", "<svg>" + "g".repeat(OutputLimit.MAX_CHARS) + "</svg>",
                "text/plain", "a huge picture"));
        try {
            DisplayData sent = renderer.render(new Huge());
            assertFalse(sent.hasDataForType(MIMEType.IMAGE_SVG));
            assertTrue(((String) sent.getData(MIMEType.TEXT_PLAIN)).startsWith("[image/svg+xml output not shown"));
        } finally {
            Renderers.unregister(Huge.class);
        }
    }
}
