package org.foolshap.spark;

import java.util.Locale;

/**
 * What may be collected to the driver. A result of n rows x d doubles held as Java rows costs about
 * n (8 d + 40) bytes per copy; the attack's sweep holds about {@code copies} such copies at once (rows, coefficients,
 * the setting's copies). The limit is half the driver's heap ({@code -Xmx}, {@code spark.driver.memory}): on a
 * 4 GB driver about 3 million Adult rows for the attack, 15 million rows of collected coefficients.
 */
public final class DriverLimit {
    private DriverLimit() {
    }

    /** Bytes of {@code copies} copies of n rows x d doubles as Java arrays. */
    public static long bytes(long rows, int width, int copies) {
        return rows * (8L * width + 40) * copies;
    }

    /** Whether that fits in half of this JVM's heap. */
    public static boolean fits(long rows, int width, int copies) {
        return bytes(rows, width, copies) <= Runtime.getRuntime().maxMemory() / 2;
    }

    /** One line naming the sizes when it does not fit. */
    public static void check(long rows, int width, int copies, String what) {
        if (!fits(rows, width, copies)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s needs about %.1f GB on the driver "
                    + "(%d rows x %d values x %d copies), more than half its heap of %.1f GB: raise the driver's "
                    + "memory (--driver-memory, -Xmx) or write the coefficients to files with 'coefficients --out'",
                    what, bytes(rows, width, copies) / 1e9, rows, width, copies,
                    Runtime.getRuntime().maxMemory() / 1e9));
        }
    }
}
