package org.foolshap.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Live progress lines through a fake display: when a line appears, how often it changes, how it ends. */
class NotebookProgressTest {
    /** Records every display and update, as the kernel would show them. */
    static class FakeKernel implements NotebookKernel {
        final List<String> events = new ArrayList<>();
        volatile long cell = 1;
        int ids;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public void register(Class<?> type, Function<Object, Map<String, String>> bundle, String... mimes) {
        }

        @Override
        public synchronized String display(Object value) {
            String id = "id" + ++ids;
            events.add("display " + id + ": " + value);
            return id;
        }

        @Override
        public synchronized void update(String id, Object value) {
            events.add("update " + id + ": " + value);
        }

        @Override
        public long cell() {
            return cell;
        }

        synchronized List<String> events() {
            return List.copyOf(events);
        }
    }

    final FakeKernel kernel = new FakeKernel();
    final AtomicLong clock = new AtomicLong();
    final NotebookProgress progress = new NotebookProgress(kernel, clock::get, false);

    void at(double seconds) {
        clock.set((long) (seconds * 1e9));
    }

    @Test
    void fastStagesShowNothing() {
        for (int i = 1; i <= 100; i++) {
            at(i * 0.004);
            progress.update("fast", i, 100);
            progress.tick();
        }
        at(5);
        progress.tick();
        assertEquals(List.of(), kernel.events());
    }

    @Test
    void aSlowStageGetsALiveLineThenItsFinalLine() {
        at(0);
        progress.update("coefficients", 1, 32_650);
        at(0.3);
        progress.tick();
        assertEquals(List.of(), kernel.events(), "not before half a second");
        at(0.6);
        progress.update("coefficients", 9_795, 32_650);
        progress.tick();
        at(3.1);
        progress.update("coefficients", 32_650, 32_650);
        assertEquals(List.of(
                "display id1: coefficients: 30% (9,795 / 32,650), 0.6 s elapsed, about 1.4 s left",
                "update id1: coefficients: done, 32,650 in 3.1 s"), kernel.events());
        NotebookProgress.Line line = NotebookProgress.live(new NotebookProgress.Stage("a<b", 4, 0, 1, 1), 0);
        assertTrue(line.html().contains("<progress value=\"1\" max=\"4\"") && line.html().contains("a&lt;b"), line.html());
    }

    @Test
    void refreshesAreThrottled() {
        at(0);
        progress.update("sweep", 1, 1_000);
        for (int ms = 1; ms <= 3_000; ms++) {   // a tick and an update every millisecond for 3 s
            at(ms / 1000.0);
            progress.update("sweep", 1 + ms / 3, 1_000);
            progress.tick();
        }
        long changes = kernel.events().size();
        assertTrue(changes <= 1 + 2.5 / 0.25 + 1, "a line at 0.5 s, then at most 4 per second: " + changes);
        assertTrue(changes >= 8, "it does move: " + changes);
    }

    @Test
    void stragglersAfterTheEndDoNotStartANewLine() {
        at(0);
        progress.update("pairs", 1, 10);
        at(1);
        progress.tick();
        progress.update("pairs", 10, 10);
        progress.update("pairs", 9, 10);   // a worker that counted 9 reports after the one that counted 10
        at(3);
        progress.tick();
        at(4);
        progress.tick();
        assertEquals(2, kernel.events().size(), String.join("\n", kernel.events()));
    }

    @Test
    void aStageLeftRunningByAnEarlierCellIsClosedNotDrawnOnward() {
        at(0);
        progress.update("lambda sweep", 1, 20);
        at(1);
        progress.update("lambda sweep", 5, 20);
        progress.tick();
        kernel.cell = 2; // interrupted; the user runs another cell
        at(2);
        progress.tick();
        for (int done = 6; done <= 20; done++) { // the interrupted cell's pool tasks go on counting
            at(2 + done / 10.0);
            progress.update("lambda sweep", done, 20);
            progress.tick();
        }
        assertEquals(List.of("display id1: lambda sweep: 25% (5 / 20), 1.0 s elapsed, about 3.0 s left",
                "update id1: lambda sweep: stopped at 25% (5 / 20) after 2.0 s"), kernel.events());
        at(10); // a new run in the new cell counts from the start
        progress.update("lambda sweep", 1, 20);
        at(11);
        progress.tick();
        assertEquals("display id2: lambda sweep: 5% (1 / 20), 1.0 s elapsed, about 19 s left", kernel.events().get(2));
    }

    @Test
    void aNewRunOfAStageGetsANewLine() {
        for (int run = 0; run < 2; run++) {
            at(10 * run);
            progress.update("training rf", 0, 1);
            at(10 * run + 1);
            progress.tick();
            progress.update("training rf", 1, 1);
        }
        assertEquals(List.of("display id1: training rf: 0% (0 / 1), 1.0 s elapsed",
                "update id1: training rf: done, 1 in 1.0 s",
                "display id2: training rf: 0% (0 / 1), 1.0 s elapsed",
                "update id2: training rf: done, 1 in 1.0 s"), kernel.events());
    }

    @Test
    void manyWorkersAndATimerEndWithExactlyOneFinalLine() throws Exception {
        NotebookProgress real = new NotebookProgress(kernel, System::nanoTime, false);
        int threads = 8;
        int perThread = 20_000;
        long total = (long) threads * perThread;
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch finished = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = 0; i < perThread; i++) {
                    real.update("coefficients", done.incrementAndGet(), total);
                    if (i % 2_000 == 0) {
                        sleep(60); // so the stage runs past half a second
                    }
                }
                finished.countDown();
            });
        }
        while (!finished.await(10, TimeUnit.MILLISECONDS)) {
            real.tick();
        }
        pool.shutdown();
        Thread.sleep(300);
        real.tick();
        List<String> events = kernel.events();
        assertTrue(events.get(0).startsWith("display id1: coefficients: "), events.get(0));
        assertTrue(events.get(events.size() - 1).startsWith("update id1: coefficients: done, 160,000 in "),
                events.get(events.size() - 1));
        assertEquals(1, events.stream().filter(e -> e.contains(": done,")).count());
        assertEquals(1, events.stream().filter(e -> e.startsWith("display")).count());
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("0.4 s", NotebookProgress.duration(400_000_000L));
        assertEquals("42 s", NotebookProgress.duration(42_000_000_000L));
        assertEquals("2 min 05 s", NotebookProgress.duration(125_000_000_000L));
        assertEquals("1 h 02 min", NotebookProgress.duration(3_720_000_000_000L));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
