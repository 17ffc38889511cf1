package org.foolshap.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellEvaluatorTest {
    static final List<Object> displayed = new ArrayList<>();
    static CellEvaluator eval;

    @BeforeAll
    static void start() {
        eval = new CellEvaluator(displayed::add);
    }

    @AfterAll
    static void stop() {
        eval.close();
    }

    @Test
    void lastExpressionIsTheValue() throws CellError {
        assertEquals(3, eval.eval("1 + 2").value());
        assertEquals("ab", eval.eval("String s = \"a\";\ns + \"b\"").value());
    }

    @Test
    void statementsAndDeclarationsHaveNoValue() throws CellError {
        assertNull(eval.eval("int unusedX = 4;"));
        assertNull(eval.eval("void noop() {}"));
        assertNull(eval.eval("noop();"));
    }

    @Test
    void severalSnippetsShareState() throws CellError {
        CellValue v = eval.eval("int a = 2;\nint twice(int x) { return 2 * x; }\ntwice(a)");
        assertEquals(4, v.value());
        assertEquals(4, eval.eval("a * 2").value());
    }

    @Test
    void realObjectsReachTheCaller() throws CellError {
        Object o = eval.eval("new java.util.ArrayList<>(java.util.List.of(1, 2))").value();
        assertTrue(o instanceof java.util.ArrayList);
    }

    @Test
    void compileErrorPointsAtTheLine() {
        CellError e = assertThrows(CellError.class, () -> eval.eval("int ok = 1;\nint bad = undefinedName + 1;"));
        assertEquals("CompileError", e.ename());
        String all = String.join("\n", e.traceback());
        assertTrue(all.contains("cell line 2"), all);
        assertTrue(all.contains("int bad = undefinedName + 1;"), all);
        assertTrue(all.contains("^"), all);
    }

    @Test
    void runtimeErrorShowsClassMessageAndUserFramesOnly() {
        CellError e = assertThrows(CellError.class,
                () -> eval.eval("int boom(int x) {\n  return 10 / x;\n}\nboom(0)"));
        assertEquals("java.lang.ArithmeticException", e.ename());
        assertEquals("/ by zero", e.evalue());
        String all = String.join("\n", e.traceback());
        assertTrue(all.contains("boom"), all);
        assertTrue(!all.contains("org.foolshap.kernel") && !all.contains("jdk.internal") && !all.contains("jdk.jshell"), all);
    }

    @Test
    void causesAreShown() {
        CellError e = assertThrows(CellError.class,
                () -> eval.eval("throw new RuntimeException(\"outer\", new IllegalStateException(\"inner\"));"));
        assertEquals("java.lang.RuntimeException", e.ename());
        assertTrue(String.join("\n", e.traceback()).contains("Caused by: java.lang.IllegalStateException: inner"));
    }

    @Test
    void displayReachesTheSink() throws CellError {
        displayed.clear();
        eval.eval("display(\"shown\");");
        assertEquals(List.of("shown"), displayed);
    }

    @Test
    void aDisplayCallShowsNoIdButTheIdCanBeKept() throws CellError {
        displayed.clear();
        assertNull(eval.eval("display(\"a\")"));
        assertNull(eval.eval("org.foolshap.kernel.runtime.Display.display(\"b\");"));
        Object id = eval.eval("String shownId = display(\"c\");\nshownId").value();
        assertTrue(id instanceof String && ((String) id).length() == 36, String.valueOf(id));
        eval.eval("updateDisplay(shownId, \"d\");");
        assertEquals(List.of("a", "b", "c", "d"), displayed);
        assertEquals("ab", eval.eval("display(\"x\").isEmpty() ? \"\" : \"ab\"").value());
        displayed.clear();
    }

    @Test
    void displayCallsAreRecognised() {
        assertTrue(CellEvaluator.isDisplayCall("display(x);"));
        assertTrue(CellEvaluator.isDisplayCall("  display(f(\")\", 'c'), g())  "));
        assertTrue(CellEvaluator.isDisplayCall("org.foolshap.kernel.runtime.Display.display(x)"));
        assertTrue(!CellEvaluator.isDisplayCall("display(a).concat(b())"));
        assertTrue(!CellEvaluator.isDisplayCall("displayed(a)"));
        assertTrue(!CellEvaluator.isDisplayCall("id"));
    }

    @Test
    void interruptStopsABusyLoopAndTheEvaluatorStaysUsable() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(eval::interrupt, 500, TimeUnit.MILLISECONDS);
            CellError e = assertThrows(CellError.class, () -> eval.eval("while (true) {}"));
            assertEquals("Interrupted", e.ename());
            timer.schedule(eval::interrupt, 300, TimeUnit.MILLISECONDS);
            assertThrows(CellError.class, () -> eval.eval("Thread.sleep(60_000);"));
        } finally {
            timer.shutdownNow();
        }
        assertEquals(7, eval.eval("3 + 4").value());
    }

    @Test
    void systemExitIsAnErrorNotTheEndOfTheKernel() throws CellError {
        CellError e = assertThrows(CellError.class, () -> eval.eval("System.exit(0);"));
        assertEquals("java.lang.UnsupportedOperationException", e.ename());
        assertThrows(CellError.class, () -> eval.eval("Runnable r = () -> System.exit(3);\nr.run();"));
        assertThrows(CellError.class, () -> eval.eval("class Quitter { static void quit() { System.exit(1); } }\n"
                + "Quitter.quit();"));
        assertThrows(CellError.class, () -> eval.eval("java.util.function.IntConsumer q = System::exit;\nq.accept(2);"));
        assertEquals(2, eval.eval("1 + 1").value());
    }

    @Test
    void runtimeExitAndHaltAreErrorsNotTheEndOfTheKernel() throws CellError { // issue 16: as System.exit
        CellError e = assertThrows(CellError.class, () -> eval.eval("Runtime.getRuntime().exit(0);"));
        assertEquals("java.lang.UnsupportedOperationException", e.ename());
        assertTrue(e.evalue().startsWith("Runtime.exit(0) would end the kernel"), e.evalue());
        e = assertThrows(CellError.class, () -> eval.eval("Runtime.getRuntime().halt(1);"));
        assertTrue(e.evalue().startsWith("Runtime.halt(1) would end the kernel"), e.evalue());
        // in a lambda, behind a variable, in a class whose code has both kinds of switch before the call
        assertThrows(CellError.class, () -> eval.eval("Runtime rt = Runtime.getRuntime();\nRunnable r = () -> rt.halt(4);\n"
                + "r.run();"));
        e = assertThrows(CellError.class, () -> eval.eval("class Leaver { static void leave(int k, String s) {\n"
                + "  switch (k) { case 1: case 2: case 3: k++; break; default: k--; }\n"
                + "  switch (s) { case \"a\": k += 1000; break; case \"zz\": k -= 7; break; default: }\n"
                + "  Runtime.getRuntime().exit(k); } }\nLeaver.leave(2, \"zz\");"));
        assertTrue(e.evalue().startsWith("Runtime.exit(-4) "), e.evalue()); // the code around the call still runs
        // method references, bound and unbound
        assertThrows(CellError.class, () -> eval.eval("java.util.function.IntConsumer q = Runtime.getRuntime()::exit;\n"
                + "q.accept(5);"));
        assertThrows(CellError.class, () -> eval.eval("java.util.function.ObjIntConsumer<Runtime> h = Runtime::halt;\n"
                + "h.accept(Runtime.getRuntime(), 6);"));
        // other Runtime calls are untouched, and the kernel lives on
        assertEquals(Runtime.getRuntime().availableProcessors(), eval.eval("Runtime.getRuntime().availableProcessors()").value());
        assertEquals(2, eval.eval("1 + 1").value());
    }

    @Test
    void outOfMemoryIsAnErrorNotACrash() throws CellError {
        CellError e = assertThrows(CellError.class, () -> eval.eval("new long[Integer.MAX_VALUE - 8]"));
        assertEquals("java.lang.OutOfMemoryError", e.ename());
        assertEquals(2, eval.eval("1 + 1").value());
    }

    @Test
    void isComplete() {
        assertEquals("complete", eval.isComplete("int x = 1;"));
        assertEquals("invalid", eval.isComplete("int 1x = 3;")); // issue 16 item 8 (jupyter_kernel_test)
        assertEquals("complete", eval.isComplete("undefinedName(3);")); // semantic errors are execution's business
        assertEquals("complete", eval.isComplete("int y = 2;\nString s = \"a\";\ns.length()"));
        assertEquals("complete", eval.isComplete("1 + 1"));
        assertEquals("incomplete", eval.isComplete("for (int i = 0; i < 3; i++) {"));
    }

    @Test
    void completionOffersMembers() {
        String code = "System.currentTimeM";
        Completion c = eval.complete(code, code.length());
        assertEquals(List.of("currentTimeMillis()"), c.matches());
        assertEquals("System.".length(), c.start());
        assertEquals(code.length(), c.end());
    }

    @Test
    void inspectShowsSignatures() {
        String doc = eval.inspect("Math.max", "Math.max".length());
        assertTrue(doc != null && doc.contains("max("), String.valueOf(doc));
    }

    @Test
    void thousandCellsDoNotGrowMemoryWithoutBound() throws CellError {
        Runtime rt = Runtime.getRuntime();
        eval.eval("new byte[1 << 20]");
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        for (int i = 0; i < 1000; i++) {
            Object v = eval.eval("new byte[1 << 20]").value(); // 1 MiB per cell: 1 GiB if results were kept
            assertEquals(1 << 20, ((byte[]) v).length);
        }
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        long grownMb = (after - before) >> 20;
        assertTrue(grownMb < 100, "heap grew by " + grownMb + " MiB over 1000 cells");
    }
}
