package org.foolshap.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/** Model files an attacker could hand an auditor: Java-serialization bombs and corrupted workbench files. */
public final class HostileFiles {
    private HostileFiles() {
    }

    /**
     * The classic HashSet bomb: 100 nested levels of two sets sharing their children, a few KB that take about 2^100
     * hashCode calls to deserialize.
     */
    public static byte[] hashSetBomb() throws IOException {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return serialize(root);
    }

    /** A few dozen bytes declaring a long[] of 2^28 elements: a 2 GB allocation for a naive deserializer. */
    public static byte[] arrayBomb() throws IOException {
        byte[] b = serialize(new long[0]);
        ByteBuffer.wrap(b).putInt(b.length - 4, 1 << 28); // the array length is the last field
        return b;
    }

    /** The bytes of a valid model file. */
    public static byte[] valid(ModelFile m) {
        return ModelCodec.encode(m);
    }

    private static byte[] serialize(Object o) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }
}
