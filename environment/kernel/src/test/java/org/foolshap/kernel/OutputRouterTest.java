package org.foolshap.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dflib.jjava.jupyter.channels.ReplyEnvironment;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Issue 16 item 6: printed output of a thread whose cell has ended never appears under the running cell. */
class OutputRouterTest {
    @Test
    void outputOfAThreadOfAnEarlierCellIsDropped() throws Exception {
        List<Object> published = new CopyOnWriteArrayList<>();
        ReplyEnvironment env = (ReplyEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ReplyEnvironment.class}, (proxy, method, args) -> {
                    if (method.getName().equals("publish")) {
                        published.add(args[0]);
                    }
                    return null;
                });
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        AtomicBoolean foreign = new AtomicBoolean();
        OutputRouter router = new OutputRouter(PublishStream.StreamType.OUT, new PrintStream(log), 1 << 20, foreign::get);
        router.attach(env);
        foreign.set(true);
        router.write("late line from an old cell's thread\n".getBytes(StandardCharsets.UTF_8));
        foreign.set(false);
        router.write("this cell's line\n".getBytes(StandardCharsets.UTF_8));
        router.detach();
        assertEquals(1, published.size(), published.toString());
        assertTrue(((PublishStream) published.get(0)).getText().contains("this cell's line"));
        assertTrue(!((PublishStream) published.get(0)).getText().contains("late line"));
    }
}
