package org.foolshap.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Display ids, updates, and which sink a thread's output reaches (its cell's, the current cell's, or none). */
class DisplayTest {
    record Shown(Object value, String id, boolean update) {
    }

    static final class Recorder implements DisplaySink {
        final List<Shown> shown = new CopyOnWriteArrayList<>();

        @Override
        public void show(Object value, String displayId, boolean update) {
            shown.add(new Shown(value, displayId, update));
        }
    }

    @AfterEach
    void unbind() {
        Display.bind(null);
        Display.setCurrent(null);
    }

    @Test
    void displayReturnsAFreshIdAndUpdateReusesIt() {
        Recorder cell = new Recorder();
        Display.bind(cell);
        String id = Display.display("first");
        String other = Display.display("second");
        Display.updateDisplay(id, "replaced");
        assertNotEquals(id, other);
        assertEquals(List.of(new Shown("first", id, false), new Shown("second", other, false),
                new Shown("replaced", id, true)), cell.shown);
        assertThrows(IllegalArgumentException.class, () -> Display.updateDisplay(null, "x"));
    }

    @Test
    void poolThreadsReachTheCurrentCellAndStartedThreadsTheirOwn() throws Exception {
        Recorder own = new Recorder();
        Recorder current = new Recorder();
        Display.bind(own);
        Display.setCurrent(current);
        Thread started = new Thread(() -> Display.display("from a started thread"));
        started.start();
        started.join();
        // a ForkJoin worker inherits the binding of the thread that made it (here: own), yet serves whichever cell
        // runs now. (Not the common pool: there, get() from outside may run the task on the calling thread.)
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            pool.submit(() -> Display.display("from the pool")).get();
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of("from a started thread"), own.shown.stream().map(Shown::value).toList());
        assertEquals(List.of("from the pool"), current.shown.stream().map(Shown::value).toList());
    }

    @Test
    void betweenCellsPoolOutputIsDropped() throws Exception {
        Recorder cell = new Recorder();
        Display.setCurrent(cell);
        Display.setCurrent(null); // the cell ended
        String id = ForkJoinPool.commonPool().submit(() -> Display.display("late")).get();
        assertTrue(id != null && cell.shown.isEmpty());
    }

    @Test
    void aHugeHtmlValueIsNotSentTwice() { // issue 16 item 6: 20 MB of html() sent 40 MB
        String big = "<p>" + "x".repeat(2_000_000) + "</p>";
        org.dflib.jjava.jupyter.kernel.display.DisplayData d = Display.html(big);
        assertEquals(big, d.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML));
        String text = (String) d.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
        assertTrue(text.length() < Display.MAX_TEXT_COPY + 100, "text/plain copy of " + text.length() + " chars");
        assertTrue(text.endsWith("more characters not shown)"), text.substring(text.length() - 60));
        assertEquals("<b>x</b>", Display.html("<b>x</b>").getData(
                org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
    }
}
