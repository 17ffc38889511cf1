package org.foolshap.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.foolshap.kernel.display.RichRenderer;
import org.foolshap.kernel.eval.CellError;
import org.foolshap.kernel.eval.CellEvaluator;
import org.junit.jupiter.api.Test;

/** The idle-time warm-up: every step runs (or is skipped), the session is left as it was, a request stops it. */
class WarmUpTest {
    @Test
    void warmingLeavesTheSessionAsItWasAndStopsWhenAsked() throws CellError {
        try (CellEvaluator e = new CellEvaluator(o -> { })) {
            List<String> before = e.classpath();
            // XChart and Tablesaw are not on this evaluator's class path: those steps are skipped, not failed
            assertEquals(WarmUp.STEPS.size(), WarmUp.run(work -> Optional.ofNullable(work.apply(e)), () -> false,
                    new RichRenderer()));
            assertEquals(before, e.classpath());
            assertThrows(CellError.class, () -> e.eval("c"), "nothing declared");
            assertEquals(2, e.eval("1 + 1").value());

            AtomicInteger steps = new AtomicInteger();
            int ran = WarmUp.run(work -> steps.incrementAndGet() > 1 ? null : Optional.ofNullable(work.apply(e)),
                    () -> false, new RichRenderer());
            assertEquals(1, ran, "a refused step ends the warm-up");
            assertEquals(0, WarmUp.run(work -> Optional.ofNullable(work.apply(e)), () -> true, new RichRenderer()));
        }
    }
}
