package org.foolshap.kernel.eval;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Rewrites a cell's class file so that its {@code System.exit(int)} calls (and {@code System::exit} method handles)
 * go to {@link org.foolshap.kernel.runtime.SystemExit#exit(int)} instead, which throws. Java 17 offers no other
 * robust hook: the SecurityManager is deprecated and off by default, and {@code Runtime.exit} cannot be vetoed.
 * Only the constant pool changes: the {@code Methodref java/lang/System.exit:(I)V} entry is pointed at a new
 * class entry, so the code, stack maps and everything else stay byte-identical. Calls made by library code, and
 * {@code Runtime.getRuntime().exit/halt}, are not covered. Any parsing problem leaves the class untouched.
 */
final class ExitRewriter {
    static final String TARGET = "org/foolshap/kernel/runtime/SystemExit";

    private ExitRewriter() {
    }

    static byte[] rewrite(byte[] classFile) {
        try {
            return rewriteOrNull(classFile);
        } catch (RuntimeException e) {
            return classFile;
        }
    }

    private static byte[] rewriteOrNull(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b);
        if (in.getInt() != 0xCAFEBABE) {
            return b;
        }
        in.getShort();
        in.getShort(); // minor, major
        int count = in.getShort() & 0xFFFF;
        int[] tag = new int[count];
        int[] offset = new int[count]; // of the entry's data, after its tag byte
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int t = in.get() & 0xFF;
            tag[i] = t;
            offset[i] = in.position();
            switch (t) {
                case 1: {
                    int len = in.getShort() & 0xFFFF;
                    byte[] s = new byte[len];
                    in.get(s);
                    utf8[i] = new String(s, StandardCharsets.UTF_8); // modified UTF-8; fine for ASCII names
                    break;
                }
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    in.position(in.position() + 4);
                    break;
                case 5: case 6:
                    in.position(in.position() + 8);
                    i++;
                    break;
                case 7: case 8: case 16: case 19: case 20:
                    in.position(in.position() + 2);
                    break;
                case 15:
                    in.position(in.position() + 3);
                    break;
                default:
                    return b; // unknown constant: leave the class alone
            }
        }
        int poolEnd = in.position();
        byte[] out = null;
        for (int i = 1; i < count; i++) {
            if (tag[i] != 10) {
                continue;
            }
            int classIdx = u2(b, offset[i]);
            int natIdx = u2(b, offset[i] + 2);
            if (tag[classIdx] != 7 || !"java/lang/System".equals(utf8[u2(b, offset[classIdx])])
                    || tag[natIdx] != 12 || !"exit".equals(utf8[u2(b, offset[natIdx])])
                    || !"(I)V".equals(utf8[u2(b, offset[natIdx] + 2)])) {
                continue;
            }
            if (out == null) {
                out = b.clone();
            }
            int newClass = count + 1; // after the new Utf8 entry at index count
            out[offset[i]] = (byte) (newClass >> 8);
            out[offset[i] + 1] = (byte) newClass;
        }
        if (out == null) {
            return b;
        }
        if (count + 2 > 0xFFFF) {
            return b;
        }
        try {
            ByteArrayOutputStream res = new ByteArrayOutputStream(b.length + TARGET.length() + 8);
            DataOutputStream d = new DataOutputStream(res);
            d.write(out, 0, 8);
            d.writeShort(count + 2);
            d.write(out, 10, poolEnd - 10);
            d.writeByte(1);
            d.writeUTF(TARGET);
            d.writeByte(7);
            d.writeShort(count);
            d.write(out, poolEnd, out.length - poolEnd);
            return res.toByteArray();
        } catch (IOException e) {
            return b;
        }
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
