package org.foolshap.kernel.protocol;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that drops messages with a missing or wrong HMAC signature (or that cannot be
 * decoded) and keeps serving. jjava's {@code ShellChannel}, like basekernel's before it, throws from its thread in
 * that case, after which the kernel answers nothing. Handlers run on this channel's own thread; the loop polls with
 * a short timeout instead of sleeping between messages, so replies are not delayed.
 */
final class SignedShellChannel extends ShellChannel {
    private static final Logger LOG = Logger.getLogger(SignedShellChannel.class.getName());
    private static final int POLL_MS = 100;

    private final String name;
    private final JupyterConnection connection;
    private final MessageCodec codec;
    private volatile boolean running;
    /**
     * Messages that had arrived when a cell failed with {@code stop_on_error} ({@link #holdQueued}), served after
     * that cell with its execute requests answered "aborted"; only this channel's thread touches it.
     */
    private final List<List<byte[]>> held = new ArrayList<>();
    private ZMQ.Poller poller;
    private Thread loop;

    SignedShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean isControl, JupyterConnection connection,
            MessageCodec codec) {
        super(context, hmac, isControl, connection);
        this.name = isControl ? "control" : "shell";
        this.connection = connection;
        this.codec = codec;
        setLinger(1000);
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        if (loop != null) {
            throw new IllegalStateException(name + " channel already bound");
        }
        int port = name.equals("control") ? props.getControlPort() : props.getShellPort();
        // exactly the connection file's transport and address, never a wildcard of our own choosing
        bind(props.getTransport() + "://" + props.getIp() + ":" + port);
        running = true;
        loop = new Thread(this::serve, "jupyter-" + name);
        loop.setDaemon(true);
        loop.start();
    }

    private void serve() {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        this.poller = poller;
        try {
            while (running) {
                try {
                    if (poller.poll(POLL_MS) > 0 && poller.pollin(0)) {
                        handle(receiveFrames(), false);
                        abortHeld();
                    }
                } catch (Throwable e) {
                    if (!running) {
                        break;
                    }
                    LOG.log(Level.WARNING, name + " channel: " + e, e);
                }
            }
        } finally {
            poller.close();
            super.close();
        }
    }

    private List<byte[]> receiveFrames() {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] f = recv();
            if (f == null) {
                break;
            }
            frames.add(f);
        } while (hasReceiveMore());
        return frames;
    }

    /**
     * Takes the messages already queued on this channel, to be served once the current one is done with execute
     * requests answered "aborted" (the rest of a "Run All" after a failed cell), as IPython does. The kernel calls
     * it on this channel's thread while a cell fails with {@code stop_on_error}, before that cell's error reply:
     * a request the client sends after reading the reply is then never taken for a queued one (draining after the
     * reply aborted such a request when this thread was slow to get there).
     */
    void holdQueued() {
        if (Thread.currentThread() != loop) {
            return; // the socket is this thread's alone; a request on another channel aborts nothing here
        }
        while (running && poller != null && poller.poll(0) > 0 && poller.pollin(0)) {
            held.add(receiveFrames());
        }
    }

    private void abortHeld() {
        if (held.isEmpty()) {
            return;
        }
        List<List<byte[]>> queued = new ArrayList<>(held);
        held.clear();
        for (List<byte[]> frames : queued) {
            handle(frames, true);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(List<byte[]> frames, boolean abortExecutes) {
        Message<?> message;
        try {
            message = codec.decode(frames);
        } catch (MessageCodec.Rejected r) {
            LOG.warning(name + " channel dropped a message: " + r.getMessage());
            return;
        }
        if (abortExecutes && message.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
            ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            env.setBusyDeferIdle();
            java.util.Map<String, Object> content = new java.util.LinkedHashMap<>();
            content.put("status", "aborted");
            env.reply(new Message(env.getContext(), MessageType.EXECUTE_REPLY, content));
            env.resolveDeferrals();
            return;
        }
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.fine(() -> name + " channel: no handler for " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Throwable e) { // never let a handler failure end the channel thread
            LOG.log(Level.SEVERE, name + " channel: handling " + message.getHeader().getType().getName() + " failed", e);
        } finally {
            try {
                env.resolveDeferrals();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, name + " channel: sending deferred replies failed", e);
            }
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    /** Never throws for a bad message; used by nobody but kept safe: jjava's version throws. */
    @Override
    public synchronized Message<?> readMessage() {
        try {
            return codec.decode(receiveFrames());
        } catch (MessageCodec.Rejected r) {
            LOG.warning(name + " channel dropped a message: " + r.getMessage());
            return null;
        }
    }

    /** Stops the loop; the loop thread closes the socket itself (ZeroMQ sockets belong to one thread). */
    void shutdown() {
        running = false;
    }

    @Override
    public void close() {
        shutdown();
    }

    @Override
    public void waitUntilClose() {
        awaitClosed();
    }

    /**
     * Waits up to 2 s for the loop to end and close its socket.
     *
     * @return false when the loop is still busy (a handler that does not return): its socket is still open
     */
    boolean awaitClosed() {
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return !t.isAlive();
        }
        return true;
    }
}
