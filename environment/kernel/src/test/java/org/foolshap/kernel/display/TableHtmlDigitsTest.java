package org.foolshap.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Table cells that are long decimals are rounded to a few significant digits; everything else is shown as is. */
class TableHtmlDigitsTest {
    @Test
    void longDecimalsAreRoundedToSixSignificantDigits() {
        assertEquals("0.316228", TableHtml.tidy("0.31622776601683794"));
        assertEquals("-40.2961", TableHtml.tidy("-40.296113202004"));
        assertEquals("1.23457E-7", TableHtml.tidy("1.2345678E-7"));
        assertEquals("0.15", TableHtml.tidy("0.15000000000000002"));
    }

    @Test
    void integersTextAndShortNumbersAreKept() {
        for (String v : new String[] {"12345678901234", "0.05", "NaN", "Infinity", "Female", "2024-01-01",
                "1.5.3", "", "-", "3.0"}) {
            assertEquals(v, TableHtml.tidy(v));
        }
    }

    @Test
    void roundingKeepsTheValueToItsSixthDigit() {
        SplittableRandom r = new SplittableRandom(5);
        for (int k = 0; k < 10_000; k++) {
            double d = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-9, 12));
            String shown = TableHtml.tidy(Double.toString(d));
            double back = new BigDecimal(shown).doubleValue();
            assertEquals(d, back, Math.abs(d) * 5e-6, Double.toString(d) + " -> " + shown);
        }
    }
}
