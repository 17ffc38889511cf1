package org.foolshap.cli;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.foolshap.Progress;

/**
 * Turns library progress into a terminal progress bar per stage (with ETA) when stderr is a terminal, and into
 * lines otherwise (logs, CI), so redirected output stays readable: one when a stage starts ("coefficients ..."; a
 * single-step stage only once it has run {@value #HEARTBEAT_SECONDS} s), one when it ends ("done in 3.2 s", only for stages of a second or more), and, whenever {@value #HEARTBEAT_SECONDS} s
 * pass without a line, one saying how far the stage is, or, between stages (steps that report no progress, such as
 * a baseline), how long since the last one ended. So a log never goes silent for long and every stage is named.
 */
final class TerminalProgress implements Progress, AutoCloseable {
    /** Seconds without a line after which a non-interactive log gets one. */
    static final int HEARTBEAT_SECONDS = 10;
    private static final long HEARTBEAT_NANOS = HEARTBEAT_SECONDS * 1_000_000_000L;

    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "foolshap-progress-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private final boolean interactive;
    private final PrintStream err;
    private final LongSupplier clock;
    private String stage;
    private String lastStage;
    private ProgressBar bar;
    private long started;
    private long ended;
    private long lastLine;
    private boolean announced; // whether the running stage has had a line (a quick single step never has)
    private long done;
    private long total;
    private ScheduledFuture<?> ticker;

    TerminalProgress() {
        this(System.console() != null, System.err);
    }

    TerminalProgress(boolean interactive, PrintStream err) {
        this(interactive, err, System::nanoTime);
        if (!interactive) {
            ticker = TICKER.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** With a clock in nanoseconds and no heartbeat thread (tests call {@link #tick} themselves). */
    TerminalProgress(boolean interactive, PrintStream err, LongSupplier clock) {
        this.interactive = interactive;
        this.err = err;
        this.clock = clock;
    }

    @Override
    public synchronized void update(String name, long done, long total) {
        long now = clock.getAsLong();
        this.done = done;
        this.total = total;
        if (!name.equals(stage)) {
            finish();
            stage = name;
            started = now;
            if (interactive) {
                bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(Math.max(1, total))
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build();
            } else if (total > 1) {
                line(now, "%s ...", name);
                announced = true;
            } else {
                announced = false;
                // a single step (loading the inputs) is announced by the heartbeat only once it takes long: a user
                // error found while loading is then the only line, as errors must be
                lastLine = now;
            }
        }
        if (bar != null) {
            bar.maxHint(Math.max(1, total));
            bar.stepTo(done);
        }
        if (!interactive && done >= total) {
            double seconds = (now - started) / 1e9;
            if (seconds >= 1 && announced) { // quick stages would only clutter logs
                line(now, "%s: done in %.1f s", name, seconds);
            }
            lastStage = name;
            ended = now;
            stage = null;
        } else {
            tick(now);
        }
    }

    /** The heartbeat: a line when none was written for {@value #HEARTBEAT_SECONDS} s (non-interactive only). */
    synchronized void tick() {
        tick(clock.getAsLong());
    }

    private void tick(long now) {
        if (interactive || now - lastLine < HEARTBEAT_NANOS) {
            return;
        }
        if (stage != null && total <= 1) { // a single step: a percentage would only say 0%
            line(now, "%s: still running after %.0f s", stage, (now - started) / 1e9);
            announced = true;
        } else if (stage != null) {
            line(now, "%s: %d%% after %.0f s", stage, Math.round(100.0 * done / Math.max(1, total)),
                    (now - started) / 1e9);
        } else if (lastStage != null) {
            line(now, "still working, %.0f s after %s", (now - ended) / 1e9, lastStage);
        }
    }

    private void line(long now, String format, Object... args) {
        err.printf(format + "%n", args);
        lastLine = now;
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
        if (ticker != null) {
            ticker.cancel(false);
        }
        lastStage = null;
        stage = null;
    }
}
