package org.foolshap.kernel;

import org.dflib.jjava.jupyter.channels.ReplyEnvironment;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where {@code System.out} / {@code System.err} go: to the running cell's output as Jupyter stream messages, or,
 * between cells, to the kernel's original stream (the server's log). Output is batched (sent when
 * {@value #CHUNK} bytes are buffered, on {@link #flush()}, which a timer calls every 100 ms, and at the end of the
 * cell) and capped at {@code limit} bytes per cell, beyond which it is counted and dropped, so a cell that prints
 * megabytes neither floods the front end nor the kernel's memory.
 */
final class OutputRouter extends OutputStream {
    static final int CHUNK = 64 * 1024;

    private final PublishStream.StreamType type;
    private final PrintStream fallback;
    private final long limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK);
    private ReplyEnvironment env;
    private long sent;
    private long dropped;

    OutputRouter(PublishStream.StreamType type, PrintStream fallback, long limit) {
        this(type, fallback, limit, () -> false);
    }

    /**
     * @param foreign true when the writing thread belongs to a cell other than the attached one (a thread that
     *                outlived its cell): its output is dropped instead of appearing under the running cell
     */
    OutputRouter(PublishStream.StreamType type, PrintStream fallback, long limit,
            java.util.function.BooleanSupplier foreign) {
        this.type = type;
        this.fallback = fallback;
        this.limit = limit;
        this.foreign = foreign;
    }

    private final java.util.function.BooleanSupplier foreign;

    synchronized void attach(ReplyEnvironment env) {
        this.env = env;
        this.sent = 0;
        this.dropped = 0;
        this.buffer.reset();
    }

    /** Sends what is left, a note on dropped output if any, and detaches from the cell. */
    synchronized void detach() {
        flush();
        if (env != null && dropped > 0) {
            env.publish(new PublishStream(type, String.format("%n[output truncated: %,d more bytes not shown]%n", dropped)));
        }
        env = null;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (env == null) {
            fallback.write(b, off, len);
            return;
        }
        if (foreign.getAsBoolean()) {
            return; // printed by a thread of an earlier cell: never shown under this one
        }
        long room = limit - sent - buffer.size();
        int take = (int) Math.max(0, Math.min(room, len));
        buffer.write(b, off, take);
        dropped += len - take;
        if (buffer.size() >= CHUNK) {
            flush();
        }
    }

    @Override
    public synchronized void flush() {
        if (env == null) {
            fallback.flush();
            return;
        }
        if (buffer.size() > 0) {
            // a multi-byte character split at a chunk edge is decoded with a replacement char; rare and harmless
            String text = buffer.toString(StandardCharsets.UTF_8);
            sent += buffer.size();
            buffer.reset();
            env.publish(new PublishStream(type, text));
        }
    }
}
