package org.foolshap.viz;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.foolshap.Progress;

/**
 * Progress as live lines under the running cell: one line per stage ("coefficients: 45% (14,700 / 32,650),
 * 1.4 s elapsed, about 1.7 s left", with an HTML bar), created only once the stage has run
 * {@value #SHOW_AFTER_MS} ms, so fast stages show nothing, refreshed at most every {@value #REFRESH_MS} ms
 * through the kernel's display id, and replaced by a final line ("coefficients: done, 32,650 in 3.1 s") when
 * {@code done == total}.
 *
 * <p>{@link #update} is called by many ForkJoin workers at once, per unit of work: it only records (a map lookup
 * and an atomic max) and, for the last unit, writes the final line. Live lines are drawn by {@link #tick()}, run
 * every {@value #TICK_MS} ms by one daemon thread that inherits no thread-locals (a kernel binds output to the cell
 * that started a thread; this one must follow whichever cell runs). A stage begun in an earlier cell that never
 * finished (an interrupt, an early stop) is closed with a "stopped at" line when a new cell is seen, and the rest of
 * its counting (ForkJoin tasks outlive an interrupted cell) is ignored instead of being drawn into the new cell; a
 * new run of the stage, counting from the start again, gets a new line.
 */
final class NotebookProgress implements Progress {
    static final long SHOW_AFTER_MS = 500;
    static final long REFRESH_MS = 250;
    static final long TICK_MS = 125;
    /**
     * Parallel workers count with {@code incrementAndGet()} and report afterwards, so the report of unit n-1 can
     * arrive just after unit n's has finished the stage: updates this soon after the end are not a new run.
     */
    static final long STRAGGLER_MS = 100;

    /** One output line: plain text and a small HTML bar. Rendered by the kernel through {@link #bundle()}. */
    record Line(String text, String html) {
        Map<String, String> bundle() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("text/plain", text);
            m.put("text/html", html);
            return m;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The id of a line the kernel could not display. */
    private static final String NOT_SHOWN = "";

    private final NotebookKernel kernel;
    private final LongSupplier nanos;
    private final boolean timer;
    private final Map<String, Stage> stages = new ConcurrentHashMap<>();
    private final AtomicBoolean ticking = new AtomicBoolean();

    /**
     * @param kernel where lines go
     * @param nanos  the clock ({@link System#nanoTime} but in tests)
     * @param timer  whether a daemon thread calls {@link #tick()} (tests call it themselves)
     */
    NotebookProgress(NotebookKernel kernel, LongSupplier nanos, boolean timer) {
        this.kernel = kernel;
        this.nanos = nanos;
        this.timer = timer;
    }

    @Override
    public void update(String stage, long done, long total) {
        String name = stage == null ? "" : stage;
        long now = nanos.getAsLong();
        Stage s = stages.get(name);
        if (s != null && (s.straggler(done, total, now) || s.continuedAfterAbandon(done, total))) {
            return;
        }
        if (s == null || s.restartedBy(done, total)) {
            Stage fresh = new Stage(name, Math.max(1, total), now, done, kernel.cell());
            boolean mine = s == null ? stages.putIfAbsent(name, fresh) == null : stages.replace(name, s, fresh);
            if (mine) {
                if (s != null) {
                    close(s, now, false);
                }
                s = fresh;
                startTimer();
            } else {
                s = stages.get(name);
                if (s == null) {
                    return;
                }
            }
        }
        s.done.accumulateAndGet(done, Math::max);
        if (done >= s.total) {
            s.finishedAt = now; // kept a moment as a tombstone: see STRAGGLER_MS
            close(s, now, true);
        }
    }

    /** Draws or refreshes the live lines that are due; closes stages of earlier cells. Never throws. */
    void tick() {
        try {
            long now = nanos.getAsLong();
            long cell = kernel.cell();
            for (Stage s : stages.values()) {
                if (s.finishedAt >= 0) {
                    if (now - s.finishedAt >= TimeUnit.MILLISECONDS.toNanos(STRAGGLER_MS)) {
                        stages.remove(s.name, s);
                    }
                } else if (s.abandoned) {
                    continue; // kept, so the abandoned run's late updates are recognised and ignored
                } else if (cell >= 0 && s.cell >= 0 && s.cell != cell) {
                    s.abandoned = true;
                    close(s, now, false);
                } else if (now - s.start >= TimeUnit.MILLISECONDS.toNanos(SHOW_AFTER_MS)) {
                    draw(s, now);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // a kernel hiccup must not stop the timer: the next tick tries again
        }
    }

    private void draw(Stage s, long now) {
        if (!s.lock.tryLock()) {
            return; // another thread is drawing this line
        }
        try {
            if (s.closed || NOT_SHOWN.equals(s.id)) {
                return;
            }
            if (s.id == null) {
                String id = kernel.display(live(s, now));
                s.id = id == null ? NOT_SHOWN : id; // null: the kernel could not show it; stay silent
                s.drawn = now;
            } else if (now - s.drawn >= TimeUnit.MILLISECONDS.toNanos(REFRESH_MS)) {
                kernel.update(s.id, live(s, now));
                s.drawn = now;
            }
        } finally {
            s.lock.unlock();
        }
    }

    /** The stage is over: its line (if one was drawn) becomes the final or "stopped at" line, once. */
    private void close(Stage s, long now, boolean finished) {
        s.lock.lock();
        try {
            if (s.closed) {
                return;
            }
            s.closed = true;
            if (s.id != null && !NOT_SHOWN.equals(s.id)) {
                kernel.update(s.id, finished ? done(s, now) : stopped(s, now));
            }
        } finally {
            s.lock.unlock();
        }
    }

    private void startTimer() {
        if (!timer || !ticking.compareAndSet(false, true)) {
            return;
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(null, r, "foolshap-progress", 0, false); // no inherited cell binding
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    // ------------------------------------------------------------------ lines

    static Line live(Stage s, long now) {
        long total = s.total;
        long done = Math.min(s.done.get(), total);
        long elapsed = now - s.start;
        String text = String.format(Locale.ROOT, "%s: %d%% (%,d / %,d), %s elapsed", s.name, 100 * done / total,
                done, total, duration(elapsed));
        long progressed = done - s.first;
        if (progressed > 0 && done < total) {
            text += ", about " + duration((long) (elapsed * (double) (total - done) / progressed)) + " left";
        }
        String html = "<div class=\"foolshap-progress\" style=\"font-family:monospace\"><progress value=\"" + done
                + "\" max=\"" + total + "\" style=\"width:14em;vertical-align:middle\"></progress> "
                + NotebookHtml.escape(text) + "</div>";
        return new Line(text, html);
    }

    static Line done(Stage s, long now) {
        return plain(String.format(Locale.ROOT, "%s: done, %,d in %s", s.name, s.total, duration(now - s.start)));
    }

    static Line stopped(Stage s, long now) {
        long done = Math.min(s.done.get(), s.total);
        return plain(String.format(Locale.ROOT, "%s: stopped at %d%% (%,d / %,d) after %s", s.name,
                100 * done / s.total, done, s.total, duration(now - s.start)));
    }

    private static Line plain(String text) {
        return new Line(text, "<div class=\"foolshap-progress\" style=\"font-family:monospace\">"
                + NotebookHtml.escape(text) + "</div>");
    }

    /** 0.4 s, 3.1 s, 42 s, 2 min 05 s, 1 h 02 min. */
    static String duration(long nanos) {
        double s = Math.max(0, nanos) / 1e9;
        if (s < 9.95) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        if (s < 59.5) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        long secs = Math.round(s);
        if (secs < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", secs / 60, secs % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", secs / 3600, secs % 3600 / 60);
    }

    /** One run of a stage. The id, drawing time and closed flag are guarded by {@link #lock}. */
    static final class Stage {
        final String name;
        final long total;
        final long start;
        final long first;
        final long cell;
        final AtomicLong done = new AtomicLong();
        final ReentrantLock lock = new ReentrantLock();
        String id;
        long drawn;
        volatile boolean closed;
        /** When {@code done} reached {@code total}, or -1. */
        volatile long finishedAt = -1;
        /** Left unfinished by an earlier cell: closed, kept to recognise its late updates. */
        volatile boolean abandoned;

        Stage(String name, long total, long start, long first, long cell) {
            this.name = name;
            this.total = total;
            this.start = start;
            this.first = Math.max(0, first - 1); // the first update already reports one unit done
            this.cell = cell;
            done.set(first);
        }

        /** A new run of the same stage: this one is over, counts another total, or starts again from 0. */
        boolean restartedBy(long done, long total) {
            return closed || Math.max(1, total) != this.total || done == 0 && this.done.get() > 0;
        }

        /** A late report of this abandoned run (it goes on counting upwards), to be ignored; its count is kept. */
        boolean continuedAfterAbandon(long done, long total) {
            if (!abandoned || Math.max(1, total) != this.total || done <= this.done.get()) {
                return false;
            }
            this.done.accumulateAndGet(done, Math::max);
            return true;
        }

        /** A late report of this finished run (see {@link #STRAGGLER_MS}), to be ignored. */
        boolean straggler(long done, long total, long now) {
            long end = finishedAt;
            return end >= 0 && done > 0 && Math.max(1, total) == this.total
                    && now - end < TimeUnit.MILLISECONDS.toNanos(STRAGGLER_MS);
        }
    }
}
