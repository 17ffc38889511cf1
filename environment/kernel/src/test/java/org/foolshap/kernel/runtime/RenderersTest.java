package org.foolshap.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Matching as basekernel's renderer does: the class, its interfaces, then superclasses; the nearest wins. */
class RenderersTest {
    interface Shape {
    }

    interface Round extends Shape {
    }

    static class Base {
    }

    static class Circle extends Base implements Round {
    }

    static final Function<Object, Map<String, String>> SHAPE = o -> Map.of("text/html", "shape");
    static final Function<Object, Map<String, String>> BASE = o -> Map.of("text/html", "base");
    static final Function<Object, Map<String, String>> CIRCLE = o -> Map.of("text/html", "circle");

    @AfterEach
    void clear() {
        Renderers.unregister(Shape.class);
        Renderers.unregister(Base.class);
        Renderers.unregister(Circle.class);
    }

    @Test
    void superInterfacesAndSuperclassesMatch() {
        Renderers.register(Shape.class, SHAPE);
        assertEquals(SHAPE, Renderers.find(Circle.class));
        Renderers.register(Base.class, BASE);
        assertEquals(SHAPE, Renderers.find(Circle.class)); // a class's interfaces come before its superclass
        assertEquals(BASE, Renderers.find(Base.class));
        Renderers.register(Circle.class, CIRCLE);
        assertEquals(CIRCLE, Renderers.find(Circle.class));
        assertNull(Renderers.find(String.class));
    }

    @Test
    void registeringAgainReplaces() {
        Renderers.register(Shape.class, SHAPE);
        Renderers.register(Shape.class, CIRCLE);
        assertEquals(CIRCLE, Renderers.find(Circle.class));
    }
}
