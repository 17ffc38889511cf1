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

    private void tickAt(double seconds) {
        nanos.set(Math.round(seconds * 1e9));
        progress.tick();
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
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
                "attributions (1/2): done in 21.0 s", "attributions (2/2) ..."), lines());
    }

    @Test
    void aQuickSingleStepSaysNothingSoAnErrorWhileLoadingStaysTheOnlyLine() {
        at(0, "loading the model and data", 0, 1);
        tickAt(3);
        at(3.5, "loading the model and data", 1, 1); // took over a second, yet was never announced: no "done" line
        at(4, "writing", 0, 1);
        progress.close();
        assertEquals(List.of(), lines());
    }

    @Test
    void stepsWithoutProgressBetweenStagesStillGetALineEveryTenSeconds() {
        at(-12, "loading the model and data", 0, 1);
        tickAt(-1);
        at(-0.5, "loading the model and data", 1, 1);
        at(0, "lambda sweep", 0, 20);
        at(2, "lambda sweep", 20, 20); // done in 2 s, then a baseline that reports nothing
        tickAt(9);
        tickAt(12.5);
        tickAt(15);
        tickAt(22.5);
        at(23, "genetic attack", 0, 50);
        tickAt(30);
        tickAt(33);
        assertEquals(List.of("loading the model and data: still running after 11 s",
                "loading the model and data: done in 11.5 s", "lambda sweep ...", "lambda sweep: done in 2.0 s", "still working, 11 s after lambda sweep",
                "still working, 21 s after lambda sweep", "genetic attack ...", "genetic attack: 0% after 10 s"),
                lines());
    }
}
