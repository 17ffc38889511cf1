package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * reproduce's stage labels ("[2/3, ETA ...] stage") stay the same while a run goes on, so a long stage shows its
 * percentage instead of being announced again at every update (the ETA used to be recomputed on every update).
 */
class ReproduceProgressTest {
    @Test
    void aLongStageReportsItsProgressUnderOneLabel() throws Exception {
        AtomicLong nanos = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress bars = new TerminalProgress(false, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                nanos::get);
        ReproduceCommand.Listener listener = new ReproduceCommand.Listener(bars, new PrintWriter(new StringWriter()));
        listener.planned(3, 0);
        Thread.sleep(1100); // the first run takes a while, so the ETA is a few seconds
        listener.finished(null, 1, 3);
        listener.update("compas/xgb/1 genetic attack", 0, 100);
        Thread.sleep(1100); // wall time passes between updates, as it does in a run: a live ETA would change
        nanos.set(11_000_000_000L);
        listener.update("compas/xgb/1 genetic attack", 50, 100);
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.lines().filter(l -> l.endsWith("genetic attack ...")).count(), log);
        assertTrue(log.contains("genetic attack: 50% after 11 s"), log);
        assertTrue(log.startsWith("[2/3, ETA "), log);
    }
}
