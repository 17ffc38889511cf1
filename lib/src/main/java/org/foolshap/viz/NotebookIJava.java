package org.foolshap.viz;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Genuine IJava (SpencerPark/IJava 1.3.0, on jupyter-jvm-basekernel 2.3.0), through reflection and a
 * {@link Proxy} of basekernel's {@code RenderFunction}: {@code IJava.getKernelInstance().getRenderer()
 * .createRegistration(type).supporting(..).preferring(..).register(fn)}, and IJava's own
 * {@code runtime.Display.display / updateDisplay}.
 *
 * <p>Checked against the 1.3.0 jar (javap): basekernel's {@code Renderer.render} walks the value's class, its
 * interfaces, then each superclass and its interfaces, so one registration for the {@code Chart} superclass and
 * one for the {@code Tabular} interface cover every chart and result. {@code display} and {@code updateDisplay}
 * publish through the kernel's one reply environment, which is set for the whole of a running cell, so they work
 * from any thread (ForkJoin workers, a timer) while a cell runs; after the cell they are dropped, or, if another
 * cell has started, a new display lands under that cell (an update still replaces the original output).
 * {@link #cell()} reads basekernel's execution count so progress lines can avoid that.
 */
final class NotebookIJava implements NotebookKernel {
    private final Object kernel;
    private final Object renderer;
    private final Class<?> renderFunction;
    private final NotebookDisplayCalls calls;
    private final AtomicInteger executionCount;
    private final String version;

    private NotebookIJava(Object kernel, ClassLoader loader, String version) throws ReflectiveOperationException {
        this.kernel = kernel;
        this.version = version;
        this.renderer = kernel.getClass().getMethod("getRenderer").invoke(kernel);
        ClassLoader kernelLoader = kernel.getClass().getClassLoader();
        this.renderFunction = Class.forName("io.github.spencerpark.jupyter.kernel.display.RenderFunction", false, kernelLoader);
        Class<?> runtimeDisplay = Class.forName("io.github.spencerpark.ijava.runtime.Display", true, loader);
        this.calls = NotebookDisplayCalls.of(runtimeDisplay);
        this.executionCount = executionCount(kernel);
    }

    /** IJava's kernel when it runs this JVM (class reachable and an instance running), else null. */
    static NotebookIJava find(ClassLoader loader) {
        try {
            Class<?> ijava = Class.forName("io.github.spencerpark.ijava.IJava", true, loader);
            Object kernel = ijava.getMethod("getKernelInstance").invoke(null);
            if (kernel == null) {
                return null;
            }
            Object v = ijava.getField("VERSION").get(null);
            return new NotebookIJava(kernel, loader, v == null ? "" : String.valueOf(v));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private static AtomicInteger executionCount(Object kernel) {
        for (Class<?> c = kernel.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("executionCount");
                f.setAccessible(true);
                return (AtomicInteger) f.get(kernel);
            } catch (NoSuchFieldException e) {
                // look in the superclass (basekernel's BaseKernel declares it)
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    @Override
    public String name() {
        return version.isEmpty() ? "IJava" : "IJava " + version;
    }

    @Override
    public void register(Class<?> type, Function<Object, Map<String, String>> bundle, String... mimes) {
        try {
            Object registration = renderer.getClass().getMethod("createRegistration", Class.class).invoke(renderer, type);
            Class<?> rc = registration.getClass();
            registration = rc.getMethod("preferring", String[].class).invoke(registration, (Object) mimes);
            Object fn = Proxy.newProxyInstance(renderFunction.getClassLoader(), new Class<?>[] {renderFunction},
                    new Render(bundle));
            rc.getMethod("register", renderFunction).invoke(registration, fn);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("IJava refused the renderer for " + type.getName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("IJava's renderer API is not the expected one (" + e + ")", e);
        }
    }

    @Override
    public String display(Object value) {
        return calls.show(value);
    }

    @Override
    public void update(String id, Object value) {
        calls.update(id, value);
    }

    @Override
    public long cell() {
        return executionCount == null ? -1 : executionCount.get();
    }

    /** basekernel's {@code RenderFunction.render(value, context)}: our bundle into the context's DisplayData. */
    private static final class Render implements InvocationHandler {
        private final Function<Object, Map<String, String>> bundle;

        Render(Function<Object, Map<String, String>> bundle) {
            this.bundle = bundle;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "render":
                    render(args[0], args[1]);
                    return null;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "foolshap renderer";
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        }

        private void render(Object value, Object context) throws ReflectiveOperationException {
            Object out = context.getClass().getMethod("getOutputContainer").invoke(context);
            Method put = out.getClass().getMethod("putData", String.class, Object.class);
            Map<String, String> data;
            try {
                data = bundle.apply(value);
            } catch (RuntimeException | LinkageError e) {
                // a failing renderer must not fail the cell: show the value as text, with the reason
                put.invoke(out, "text/plain", value + "\n(rich display failed: " + e + ")");
                return;
            }
            for (Map.Entry<String, String> e : data.entrySet()) {
                put.invoke(out, e.getKey(), e.getValue());
            }
        }
    }
}
