package org.foolshap.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dflib.jjava.jupyter.channels.ReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.foolshap.kernel.display.RichRenderer;
import org.junit.jupiter.api.Test;

/** A cell's display sink: display_data and update_display_data with the display id, nothing once closed. */
class CellOutputTest {
    final List<Object> published = new CopyOnWriteArrayList<>();
    final AtomicInteger flushes = new AtomicInteger();
    final ReplyEnvironment env = (ReplyEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ReplyEnvironment.class}, (proxy, method, args) -> {
                if (method.getName().equals("publish")) {
                    published.add(args[0]);
                }
                return null;
            });
    final CellOutput cell = new CellOutput(env, new RichRenderer(), flushes::incrementAndGet);

    @Test
    void displayThenUpdateCarryTheSameDisplayId() {
        cell.show("50%", "id-1", false);
        cell.show("done", "id-1", true);
        assertEquals(2, published.size());
        assertTrue(published.get(0) instanceof PublishDisplayData);
        assertTrue(published.get(1) instanceof PublishUpdateDisplayData);
        assertEquals("id-1", ((DisplayData) published.get(0)).getDisplayId());
        assertEquals("id-1", ((DisplayData) published.get(1)).getDisplayId());
        assertEquals(2, flushes.get(), "printed output goes first");
    }

    @Test
    void aClosedCellDropsLateOutput() {
        cell.close();
        cell.show("late", "id-2", false);
        assertTrue(published.isEmpty());
    }

    @Test
    void anOutputOverTheLimitIsANoteThatKeepsItsDisplayId() { // issue 16: 20 MB of html() is not sent
        cell.show(org.foolshap.kernel.runtime.Display.html("x".repeat(20_000_000)), "id-4", false);
        DisplayData sent = (DisplayData) published.get(0);
        assertEquals("id-4", sent.getDisplayId());
        assertEquals(null, sent.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML));
        assertTrue(((String) sent.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN))
                .startsWith("[text/html output not shown"));
    }

    @Test
    void aSharedDisplayDataIsNotMarkedWithTheId() {
        DisplayData html = org.foolshap.kernel.runtime.Display.html("<b>x</b>");
        cell.show(html, "id-3", false);
        assertEquals(null, html.getDisplayId());
    }
}
