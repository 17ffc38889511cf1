package org.foolshap.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A bounded reader of the protocol-buffers wire format (the encoding of ONNX files), over one message's bytes.
 * Every length is checked against the bytes left before anything is sliced or allocated, so a truncated or
 * hostile file ends in {@link Malformed}, never in an exception from deep inside or an allocation the file's size
 * does not justify. Only what ONNX uses is read: varints, 32- and 64-bit fixed values and length-delimited fields
 * (groups, deprecated since proto2, are rejected).
 */
final class Wire {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH = 2;
    static final int FIXED32 = 5;

    /** Bytes that are not a valid message; the message says what is wrong. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /**
     * Most numbers decoded from one file into arrays (16M: 128 MB as doubles). A packed int64 takes one byte in the
     * file but eight in memory, so the file's size alone does not bound memory; a tree ensemble of 1000 trees of
     * 1000 nodes needs about 10M.
     */
    static final long MAX_NUMBERS = 1L << 24;

    private final ByteBuffer in;
    private final long[] budget; // numbers left to decode, shared by a file's messages
    private int tag;

    /** A reader of a whole file's top-level message. */
    Wire(ByteBuffer bytes) {
        this(bytes, new long[] {MAX_NUMBERS});
    }

    private Wire(ByteBuffer bytes, long[] budget) {
        in = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.budget = budget;
    }

    private void spend(int numbers) throws Malformed {
        budget[0] -= numbers;
        if (budget[0] < 0) {
            throw new Malformed("holds more than " + MAX_NUMBERS + " numbers in the attributes read");
        }
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() throws Malformed {
        if (!in.hasRemaining()) {
            return false;
        }
        long t = varint();
        if (t >>> 32 != 0 || (t >>> 3) == 0) {
            throw new Malformed("has an invalid field tag " + t);
        }
        tag = (int) t;
        int type = tag & 7;
        if (type != VARINT && type != FIXED64 && type != LENGTH && type != FIXED32) {
            throw new Malformed("has a field of unsupported wire type " + type);
        }
        return true;
    }

    int field() {
        return tag >>> 3;
    }

    int type() {
        return tag & 7;
    }

    long varint() throws Malformed {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!in.hasRemaining()) {
                throw new Malformed("is truncated");
            }
            byte b = in.get();
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new Malformed("has a number longer than 10 bytes");
    }

    float fixed32() throws Malformed {
        need(4);
        return in.getFloat();
    }

    double fixed64() throws Malformed {
        need(8);
        return in.getDouble();
    }

    /** The current length-delimited field's bytes, as a view (no copy). */
    ByteBuffer bytes() throws Malformed {
        long n = varint();
        if (n < 0 || n > in.remaining()) {
            throw new Malformed("is truncated (a field declares " + n + " bytes, " + in.remaining() + " remain)");
        }
        ByteBuffer slice = in.slice(in.position(), (int) n).order(ByteOrder.LITTLE_ENDIAN);
        in.position(in.position() + (int) n);
        return slice;
    }

    Wire message() throws Malformed {
        return new Wire(bytes(), budget);
    }

    /** Adds one element of a repeated string field. */
    void strings(java.util.List<String> out) throws Malformed {
        spend(1);
        out.add(string());
    }

    String string() throws Malformed {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes());
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("holds text that is not UTF-8");
        }
    }

    /** Skips the current field's value. */
    void skip() throws Malformed {
        switch (type()) {
            case VARINT -> varint();
            case FIXED64 -> fixed64();
            case LENGTH -> bytes();
            default -> fixed32();
        }
    }

    /** Adds a repeated int64 field (packed or not) to {@code out}. */
    void int64s(LongList out) throws Malformed {
        if (type() == LENGTH) {
            Wire packed = new Wire(bytes(), budget);
            while (packed.in.hasRemaining()) {
                spend(1);
                out.add(packed.varint());
            }
        } else {
            spend(1);
            out.add(varint());
        }
    }

    /** Adds a repeated float field (packed or not) to {@code out}. */
    void floats(DoubleList out) throws Malformed {
        if (type() == LENGTH) {
            ByteBuffer b = bytes();
            if (b.remaining() % 4 != 0) {
                throw new Malformed("has packed floats of " + b.remaining() + " bytes");
            }
            spend(b.remaining() / 4);
            while (b.hasRemaining()) {
                out.add(b.getFloat());
            }
        } else {
            spend(1);
            out.add(fixed32());
        }
    }

    /** Adds a repeated double field (packed or not) to {@code out}. */
    void doubles(DoubleList out) throws Malformed {
        if (type() == LENGTH) {
            ByteBuffer b = bytes();
            if (b.remaining() % 8 != 0) {
                throw new Malformed("has packed doubles of " + b.remaining() + " bytes");
            }
            spend(b.remaining() / 8);
            while (b.hasRemaining()) {
                out.add(b.getDouble());
            }
        } else {
            spend(1);
            out.add(fixed64());
        }
    }

    private void need(int n) throws Malformed {
        if (in.remaining() < n) {
            throw new Malformed("is truncated");
        }
    }

    /** A growable long array (its growth is bounded by the bytes read, at least one per element). */
    static final class LongList {
        private long[] values = new long[8];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        long get(int i) {
            return values[i];
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /** A growable double array (at least four bytes read per element). */
    static final class DoubleList {
        private double[] values = new double[8];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
