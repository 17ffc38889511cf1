package org.foolshap.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.foolshap.kernel.runtime.Renderers;

/**
 * Turns a cell's value into a Jupyter MIME bundle. Checked in this order:
 * <ol>
 *   <li>{@link DisplayData} (from {@code html(...)}, {@code markdown(...)}): as is;</li>
 *   <li>a renderer a library registered for the value's type in {@link Renderers} (its bundle, when not empty);</li>
 *   <li>{@link RenderedImage}: {@code image/png};</li>
 *   <li>an XChart chart (a subclass of {@code org.knowm.xchart.internal.chartpart.Chart}): {@code image/png}
 *       drawn by XChart's {@code BitmapEncoder} (found reflectively, so the kernel does not depend on XChart);</li>
 *   <li>a Tablesaw {@code tech.tablesaw.api.Table}: {@code text/html}, see {@link TableHtml};</li>
 *   <li>any object with a public no-argument {@code String toHtml()} method: {@code text/html};</li>
 *   <li>everything else: {@code text/plain} of {@link String#valueOf(Object)} (arrays element-wise), cut at
 *       {@value #MAX_TEXT} characters.</li>
 * </ol>
 * Every bundle also carries {@code text/plain}, so text-only front ends show something. A bundle over
 * {@link OutputLimit#MAX_CHARS} characters is replaced by a note saying so (see {@link OutputLimit}).
 */
public final class RichRenderer {
    /** Longest text/plain rendering sent to the front end, in characters. */
    public static final int MAX_TEXT = 100_000;

    static final String XCHART_BASE = "org.knowm.xchart.internal.chartpart.Chart";
    static final String TABLESAW_TABLE = "tech.tablesaw.api.Table";

    private final TableHtml tables;

    public RichRenderer() {
        this(new TableHtml(20, 5, 40));
    }

    public RichRenderer(TableHtml tables) {
        this.tables = tables;
    }

    /** The bundle to send for {@code value}: its rendering, or the {@link OutputLimit} note when that is too big. */
    public DisplayData render(Object value) {
        return OutputLimit.bound(renderInFull(value));
    }

    private DisplayData renderInFull(Object value) {
        if (value instanceof DisplayData) {
            return (DisplayData) value;
        }
        DisplayData out = new DisplayData();
        if (value != null && registered(value, out)) {
            return out;
        }
        try {
            if (value instanceof RenderedImage) {
                out.putData("image/png", png((RenderedImage) value));
            } else if (value != null && isA(value.getClass(), XCHART_BASE)) {
                out.putData("image/png", chartPng(value));
            } else if (value != null && isA(value.getClass(), TABLESAW_TABLE)) {
                out.putHTML(tables.toHtml(value));
            } else {
                Method toHtml = htmlMethod(value);
                if (toHtml != null) {
                    out.putHTML(String.valueOf(toHtml.invoke(value)));
                }
            }
        } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            out.putData("text/plain", text(value) + "\n(rich display failed: " + cause + ")");
            return out;
        }
        out.putText(text(value));
        return out;
    }

    /**
     * Fills {@code out} from the renderer registered for the value's type; false (and {@code out} untouched) when
     * there is none, it returns nothing, or it fails: the defaults then apply.
     */
    private static boolean registered(Object value, DisplayData out) {
        Function<Object, Map<String, String>> f = Renderers.find(value.getClass());
        if (f == null) {
            return false;
        }
        Map<String, String> bundle;
        try {
            bundle = f.apply(value);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
        if (bundle == null || bundle.isEmpty()) {
            return false;
        }
        bundle.forEach((mime, data) -> {
            if (mime != null && data != null) {
                out.putData(mime, data);
            }
        });
        if (!out.hasDataForType(MIMEType.TEXT_PLAIN)) {
            out.putText(text(value));
        }
        return true;
    }

    /** Plain text for a value: strings as they are, arrays element-wise, long text cut with a note. */
    public static String text(Object value) {
        String s;
        if (value == null) {
            s = "null";
        } else if (value instanceof Object[]) {
            s = Arrays.deepToString((Object[]) value);
        } else if (value.getClass().isArray()) {
            s = primitiveArray(value);
        } else {
            s = String.valueOf(value);
        }
        if (s.length() > MAX_TEXT) {
            s = s.substring(0, MAX_TEXT) + "\n... (" + (s.length() - MAX_TEXT) + " more characters not shown)";
        }
        return s;
    }

    private static String primitiveArray(Object a) {
        if (a instanceof int[]) return Arrays.toString((int[]) a);
        if (a instanceof long[]) return Arrays.toString((long[]) a);
        if (a instanceof double[]) return Arrays.toString((double[]) a);
        if (a instanceof float[]) return Arrays.toString((float[]) a);
        if (a instanceof boolean[]) return Arrays.toString((boolean[]) a);
        if (a instanceof byte[]) return Arrays.toString((byte[]) a);
        if (a instanceof short[]) return Arrays.toString((short[]) a);
        return Arrays.toString((char[]) a);
    }

    static boolean isA(Class<?> c, String className) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static Method htmlMethod(Object value) {
        if (value == null) {
            return null;
        }
        try {
            Method m = value.getClass().getMethod("toHtml");
            if (m.getReturnType() == String.class && !Modifier.isStatic(m.getModifiers())) {
                m.setAccessible(true); // public method of a possibly non-public class (e.g. a JShell record)
                return m;
            }
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
        return null;
    }

    static String png(RenderedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer for " + image.getClass().getName());
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** {@code BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG)}, loaded through the chart's class loader. */
    static String chartPng(Object chart) throws ReflectiveOperationException {
        ClassLoader loader = chart.getClass().getClassLoader();
        Class<?> encoder = Class.forName("org.knowm.xchart.BitmapEncoder", true, loader);
        Class<?> base = Class.forName(XCHART_BASE, true, loader);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object png = Enum.valueOf((Class<Enum>) Class.forName("org.knowm.xchart.BitmapEncoder$BitmapFormat", true, loader), "PNG");
        Method bytes = encoder.getMethod("getBitmapBytes", base, png.getClass());
        return Base64.getEncoder().encodeToString((byte[]) bytes.invoke(null, chart, png));
    }
}
