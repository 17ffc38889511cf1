package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The lines TerminalProgress writes to a log (stderr not a terminal), on a clock the test moves. */
class TerminalProgressTest {
    private final AtomicLong nanos = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TerminalProgress progress = new TerminalProgress(false,
            new PrintStream(bytes, true, StandardCharsets.UTF_8), nanos::get);

    private void at(double seconds, String stage, long done, long total) {
        nanos.set(Math.round(seconds * 1e9));
        progress.update(stage, done, total);
    }

    @Test
    void everyStageIsNamedWhenItStartsAndALongOneIsNeverSilentForLong() {
        at(0, "attributions (1/2)", 0, 100);
        at(4, "attributions (1/2)", 30, 100);
        at(10, "attributions (1/2)", 50, 100);
        at(15, "attributions (1/2)", 60, 100);
        at(21, "attributions (1/2)", 100, 100);
        at(21.2, "attributions (2/2)", 0, 10);
        at(21.4, "attributions (2/2)", 10, 10);
        progress.close();
        assertEquals(List.of("attributions (1/2) ...", "attributions (1/2): 50% after 10 s",
                "attributions (1/2): done in 21.0 s", "attributions (2/2) ..."),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
