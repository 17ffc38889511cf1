package org.foolshap.kernel.protocol;

import zmq.Msg;
import zmq.msg.MsgAllocator;
import zmq.msg.MsgAllocatorThreshold;

/**
 * Allocates incoming ZeroMQ frames, refusing negative sizes. jeromq (0.5 and 0.6) checks an announced frame size
 * against the socket's maximum only as a signed long: a ZMTP frame whose 8-byte size has its top bit set (the
 * CVE-2019-6250 probe that security scanners send) passes the check, reaches the allocator as a negative int, and
 * the {@code NegativeArraySizeException} ends the context's I/O thread, after which every socket of that context
 * is deaf while the process lives on. Such a frame becomes an empty one here; that peer's following bytes then
 * decode as junk frames, which the channels drop (no delimiter, no valid signature). Other sizes are allocated as
 * jeromq's default allocator does.
 */
final class FrameAllocator implements MsgAllocator {
    static final FrameAllocator INSTANCE = new FrameAllocator();

    private final MsgAllocator standard = new MsgAllocatorThreshold();

    private FrameAllocator() {
    }

    @Override
    public Msg allocate(int size) {
        return size < 0 ? new Msg(0) : standard.allocate(size);
    }
}
