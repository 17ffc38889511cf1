package org.foolshap.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.foolshap.Progress;

/**
 * Turns library progress into a terminal progress bar per stage (with ETA) when stderr is a terminal, and into
 * one line per finished stage otherwise (logs, CI), so redirected output stays readable.
 */
final class TerminalProgress implements Progress, AutoCloseable {
    private final boolean interactive;
    private final PrintStream err;
    private String stage;
    private ProgressBar bar;
    private long started;

    TerminalProgress() {
        this(System.console() != null, System.err);
    }

    TerminalProgress(boolean interactive, PrintStream err) {
        this.interactive = interactive;
        this.err = err;
    }

    @Override
    public synchronized void update(String name, long done, long total) {
        if (!name.equals(stage)) {
            finish();
            stage = name;
            started = System.nanoTime();
            if (interactive) {
                bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(Math.max(1, total))
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build();
            }
        }
        if (bar != null) {
            bar.maxHint(Math.max(1, total));
            bar.stepTo(done);
        }
        if (!interactive && done >= total) {
            double seconds = (System.nanoTime() - started) / 1e9;
            if (seconds >= 1) { // quick stages would only clutter logs
                err.printf("%s: done in %.1f s%n", name, seconds);
            }
            stage = null;
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
