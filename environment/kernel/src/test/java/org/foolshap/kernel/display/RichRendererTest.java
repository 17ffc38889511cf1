package org.foolshap.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.foolshap.kernel.runtime.Renderers;
import org.junit.jupiter.api.Test;

class RichRendererTest {
    final RichRenderer renderer = new RichRenderer(new TableHtml(2, 1, 8));

    @Test
    void stringsArePlainTextAsIs() {
        DisplayData d = renderer.render("a <b>");
        assertEquals("a <b>", d.getData(MIMEType.TEXT_PLAIN));
        assertNull(d.getData(MIMEType.TEXT_HTML));
    }

    @Test
    void imagesArePng() {
        DisplayData d = renderer.render(new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB));
        byte[] png = Base64.getDecoder().decode((String) d.getData(MIMEType.IMAGE_PNG));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    public static final class Card {
        public String toHtml() {
            return "<b>card</b>";
        }
    }

    @Test
    void toHtmlConvention() {
        assertEquals("<b>card</b>", renderer.render(new Card()).getData(MIMEType.TEXT_HTML));
    }

    @Test
    void arraysAndLongTextArePrintable() {
        assertEquals("[1, 2]", renderer.render(new int[] {1, 2}).getData(MIMEType.TEXT_PLAIN));
        String big = "x".repeat(RichRenderer.MAX_TEXT + 10);
        assertTrue(((String) renderer.render(big).getData(MIMEType.TEXT_PLAIN)).endsWith("(10 more characters not shown)"));
    }

    /** Shaped like Tablesaw's Table for the reflective reader (the kernel does not depend on Tablesaw). */
    public static final class FakeTable {
        public String name() {
            return "t";
        }

        public int rowCount() {
            return 5;
        }

        public List<String> columnNames() {
            return List.of("a", "<b>");
        }

        public String getString(int row, String column) {
            return column.equals("a") ? "row" + row : "a-very-long-cell-value";
        }
    }

    @Test
    void tablesAreTruncatedWithRowCount() throws Exception {
        String html = new TableHtml(2, 1, 8).toHtml(new FakeTable());
        assertTrue(html.contains("5 rows × 2 columns"), html);
        assertTrue(html.contains("row0") && html.contains("row1") && html.contains("row4"), html);
        assertTrue(!html.contains("row2") && !html.contains("row3"), html);
        assertTrue(html.contains("&lt;b&gt;"), html);
        assertTrue(html.contains("a-very-…"), html);
    }

    @Test
    void brokenRichDisplayFallsBackToText() {
        Object odd = new Object() {
            public String toHtml() {
                throw new IllegalStateException("no html today");
            }

            @Override
            public String toString() {
                return "odd";
            }
        };
        DisplayData d = renderer.render(odd);
        assertNotNull(d.getData(MIMEType.TEXT_PLAIN));
        assertTrue(((String) d.getData(MIMEType.TEXT_PLAIN)).startsWith("odd"));
    }

    @Test
    void aRegisteredRendererComesFirstAndFallsBackWhenItFails() {
        Renderers.register(Card.class, c -> Map.of("text/html", "<i>registered</i>"));
        try {
            DisplayData d = renderer.render(new Card());
            assertEquals("<i>registered</i>", d.getData(MIMEType.TEXT_HTML));
            assertNotNull(d.getData(MIMEType.TEXT_PLAIN), "text/plain is added");
            Renderers.register(Card.class, c -> {
                throw new IllegalStateException("broken");
            });
            assertEquals("<b>card</b>", renderer.render(new Card()).getData(MIMEType.TEXT_HTML));
            Renderers.register(Card.class, c -> Map.of());
            assertEquals("<b>card</b>", renderer.render(new Card()).getData(MIMEType.TEXT_HTML));
        } finally {
            Renderers.unregister(Card.class);
        }
    }
}
