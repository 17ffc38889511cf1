package org.foolshap.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.foolshap.Progress;

/**
 * Turns library progress into a terminal progress bar per stage (with ETA) when stderr is a terminal, and into
 * lines otherwise (logs, CI), so redirected output stays readable: one when a stage starts ("coefficients ..."), one
 * every {@value #HEARTBEAT_SECONDS} s while it runs (percent done), and one when it ends ("done in 3.2 s", only for
 * stages of a second or more). So a log never goes silent for long and every stage, however quick, is named.
 */
final class TerminalProgress implements Progress, AutoCloseable {
    /** Seconds between the lines of a long stage in non-interactive mode. */
    static final int HEARTBEAT_SECONDS = 10;

    private final boolean interactive;
    private final PrintStream err;
    private final LongSupplier clock;
    private String stage;
    private ProgressBar bar;
    private long started;
    private long lastLine;

    TerminalProgress() {
        this(System.console() != null, System.err);
    }

    TerminalProgress(boolean interactive, PrintStream err) {
        this(interactive, err, System::nanoTime);
    }

    /** With a clock in nanoseconds (tests pass their own). */
    TerminalProgress(boolean interactive, PrintStream err, LongSupplier clock) {
        this.interactive = interactive;
        this.err = err;
        this.clock = clock;
    }

    @Override
    public synchronized void update(String name, long done, long total) {
        long now = clock.getAsLong();
        if (!name.equals(stage)) {
            finish();
            stage = name;
            started = now;
            lastLine = now;
            if (interactive) {
                bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(Math.max(1, total))
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build();
            } else {
                err.printf("%s ...%n", name);
            }
        }
        if (bar != null) {
            bar.maxHint(Math.max(1, total));
            bar.stepTo(done);
        }
        if (!interactive && done >= total) {
            double seconds = (now - started) / 1e9;
            if (seconds >= 1) { // quick stages would only clutter logs
                err.printf("%s: done in %.1f s%n", name, seconds);
            }
            stage = null;
        } else if (!interactive && now - lastLine >= HEARTBEAT_SECONDS * 1_000_000_000L) {
            err.printf("%s: %d%% after %.0f s%n", name, Math.round(100.0 * done / Math.max(1, total)),
                    (now - started) / 1e9);
            lastLine = now;
        }
    }

    private void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public synchronized void close() {
        finish();
    }
}
