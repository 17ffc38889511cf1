package org.foolshap.kernel.eval;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Rewrites a cell's class file so that its calls that would end the JVM go to
 * {@link org.foolshap.kernel.runtime.SystemExit} instead, which throws. Java 17 offers no other robust hook: the
 * SecurityManager is deprecated and off by default, and {@code Runtime.exit} cannot be vetoed.
 * <ul>
 *   <li>{@code System.exit(int)} (and {@code System::exit}): only the constant pool changes, the
 *       {@code Methodref java/lang/System.exit:(I)V} entry is pointed at a new class entry;</li>
 *   <li>{@code Runtime.exit(int)} and {@code Runtime.halt(int)} (e.g. {@code Runtime.getRuntime().exit(0)}): these
 *       are instance calls, {@code invokevirtual Runtime.exit:(I)V}, and {@code Runtime} is final, so each such
 *       instruction becomes {@code invokestatic SystemExit.runtimeExit:(Ljava/lang/Runtime;I)V} (same length, same
 *       stack effect: the receiver becomes the first argument), and a method handle to them
 *       ({@code rt::exit}) becomes a static one to the same replacement.</li>
 * </ul>
 * New constants are appended to the pool, so existing indices, code offsets and stack maps stay valid. Calls made
 * by library code are not covered. Any parsing problem leaves the class (or, for an instruction it cannot walk,
 * its code) untouched.
 */
final class ExitRewriter {
    static final String TARGET = "org/foolshap/kernel/runtime/SystemExit";
    private static final String RUNTIME_DESC = "(Ljava/lang/Runtime;I)V";
    private static final int INVOKEVIRTUAL = 0xB6;
    private static final int INVOKESTATIC = 0xB8;
    private static final int REF_INVOKE_VIRTUAL = 5;
    private static final int REF_INVOKE_STATIC = 6;

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

        // what to redirect: System.exit Methodrefs, and Runtime.exit / Runtime.halt Methodrefs by method name
        boolean systemExit = false;
        Map<Integer, String> runtimeRefs = new HashMap<>(); // Methodref index -> "exit" or "halt"
        for (int i = 1; i < count; i++) {
            if (tag[i] != 10) {
                continue;
            }
            String owner = className(b, tag, offset, utf8, u2(b, offset[i]));
            int nat = u2(b, offset[i] + 2);
            if (tag[nat] != 12 || !"(I)V".equals(utf8[u2(b, offset[nat] + 2)])) {
                continue;
            }
            String name = utf8[u2(b, offset[nat])];
            if ("java/lang/System".equals(owner) && "exit".equals(name)) {
                systemExit = true;
            } else if ("java/lang/Runtime".equals(owner) && ("exit".equals(name) || "halt".equals(name))) {
                runtimeRefs.put(i, name);
            }
        }
        if (!systemExit && runtimeRefs.isEmpty()) {
            return b;
        }

        // new constants, appended after the existing ones
        Pool added = new Pool(count);
        int targetClass = added.classEntry(added.utf8(TARGET));
        Map<String, Integer> replacement = new HashMap<>(); // "exit"/"halt" -> Methodref of SystemExit.runtimeX
        for (String name : runtimeRefs.values()) {
            replacement.computeIfAbsent(name, n -> added.methodref(targetClass,
                    added.nameAndType(added.utf8("runtime" + Character.toUpperCase(n.charAt(0)) + n.substring(1)),
                            added.utf8(RUNTIME_DESC))));
        }
        if (added.next > 0xFFFF) {
            return b;
        }

        byte[] out = b.clone();
        for (int i = 1; i < count; i++) {
            if (tag[i] == 10 && systemExit && "java/lang/System".equals(className(b, tag, offset, utf8, u2(b, offset[i])))
                    && isSystemExit(b, tag, offset, utf8, i)) {
                put2(out, offset[i], targetClass);
            } else if (tag[i] == 15 && (b[offset[i]] & 0xFF) == REF_INVOKE_VIRTUAL
                    && runtimeRefs.containsKey(u2(b, offset[i] + 1))) {
                out[offset[i]] = (byte) REF_INVOKE_STATIC;
                put2(out, offset[i] + 1, replacement.get(runtimeRefs.get(u2(b, offset[i] + 1))));
            }
        }
        if (!runtimeRefs.isEmpty()) {
            Map<Integer, Integer> calls = new HashMap<>();
            runtimeRefs.forEach((ref, name) -> calls.put(ref, replacement.get(name)));
            redirectCalls(b, out, poolEnd, utf8, calls);
        }

        try {
            ByteArrayOutputStream res = new ByteArrayOutputStream(b.length + added.bytes.size() + 8);
            DataOutputStream d = new DataOutputStream(res);
            d.write(out, 0, 8);
            d.writeShort(added.next);
            d.write(out, 10, poolEnd - 10);
            added.bytes.writeTo(d);
            d.write(out, poolEnd, out.length - poolEnd);
            return res.toByteArray();
        } catch (IOException e) {
            return b;
        }
    }

    private static boolean isSystemExit(byte[] b, int[] tag, int[] offset, String[] utf8, int ref) {
        int nat = u2(b, offset[ref] + 2);
        return tag[nat] == 12 && "exit".equals(utf8[u2(b, offset[nat])]) && "(I)V".equals(utf8[u2(b, offset[nat] + 2)]);
    }

    private static String className(byte[] b, int[] tag, int[] offset, String[] utf8, int classIdx) {
        return tag[classIdx] == 7 ? utf8[u2(b, offset[classIdx])] : null;
    }

    /**
     * Turns {@code invokevirtual old} into {@code invokestatic calls.get(old)} in every method's code, writing into
     * {@code out}. A method whose code cannot be walked (an unknown opcode) is left as it is.
     */
    private static void redirectCalls(byte[] b, byte[] out, int poolEnd, String[] utf8, Map<Integer, Integer> calls) {
        ByteBuffer in = ByteBuffer.wrap(b);
        in.position(poolEnd + 6); // access flags, this class, super class
        int interfaces = in.getShort() & 0xFFFF;
        in.position(in.position() + 2 * interfaces);
        skipMembers(in); // fields
        int methods = in.getShort() & 0xFFFF;
        for (int m = 0; m < methods; m++) {
            in.position(in.position() + 6); // access flags, name, descriptor
            int attributes = in.getShort() & 0xFFFF;
            for (int a = 0; a < attributes; a++) {
                int name = in.getShort() & 0xFFFF;
                int length = in.getInt();
                int start = in.position();
                if ("Code".equals(utf8[name])) {
                    int codeLength = in.getInt(start + 4); // after max_stack, max_locals
                    redirectInCode(b, out, start + 8, codeLength, calls);
                }
                in.position(start + length);
            }
        }
    }

    private static void skipMembers(ByteBuffer in) {
        int n = in.getShort() & 0xFFFF;
        for (int i = 0; i < n; i++) {
            in.position(in.position() + 6);
            int attributes = in.getShort() & 0xFFFF;
            for (int a = 0; a < attributes; a++) {
                in.position(in.position() + 2);
                int length = in.getInt();
                in.position(in.position() + length);
            }
        }
    }

    private static void redirectInCode(byte[] b, byte[] out, int code, int length, Map<Integer, Integer> calls) {
        Map<Integer, Integer> patches = new HashMap<>(); // instruction offset -> new Methodref
        int pc = 0;
        while (pc < length) {
            int op = b[code + pc] & 0xFF;
            if (op == INVOKEVIRTUAL) {
                Integer target = calls.get(u2(b, code + pc + 1));
                if (target != null) {
                    patches.put(pc, target);
                }
            }
            int size = instructionLength(b, code, pc);
            if (size <= 0) {
                return; // not walkable: leave this method alone
            }
            pc += size;
        }
        patches.forEach((at, target) -> {
            out[code + at] = (byte) INVOKESTATIC;
            put2(out, code + at + 1, target);
        });
    }

    /** Length in bytes of the instruction at {@code pc} (JVMS 6.5), or -1 for an opcode it does not know. */
    static int instructionLength(byte[] b, int code, int pc) {
        int op = b[code + pc] & 0xFF;
        if (op <= 0x0F || (op >= 0x1A && op <= 0x35) || (op >= 0x3B && op <= 0x83) || (op >= 0x85 && op <= 0x98)
                || (op >= 0xAC && op <= 0xB1) || op == 0xBE || op == 0xBF || op == 0xC2 || op == 0xC3) {
            return 1;
        }
        if (op == 0x10 || op == 0x12 || (op >= 0x15 && op <= 0x19) || (op >= 0x36 && op <= 0x3A) || op == 0xA9
                || op == 0xBC) {
            return 2;
        }
        if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || (op >= 0x99 && op <= 0xA8)
                || (op >= 0xB2 && op <= 0xB8) || op == 0xBB || op == 0xBD || op == 0xC0 || op == 0xC1
                || op == 0xC6 || op == 0xC7) {
            return 3;
        }
        if (op == 0xC5) {
            return 4; // multianewarray
        }
        if (op == 0xB9 || op == 0xBA || op == 0xC8 || op == 0xC9) {
            return 5; // invokeinterface, invokedynamic, goto_w, jsr_w
        }
        if (op == 0xC4) {
            return (b[code + pc + 1] & 0xFF) == 0x84 ? 6 : 4; // wide iinc, wide load/store/ret
        }
        int pad = (4 - (pc + 1) % 4) % 4; // switch operands start at a multiple of 4 from the code's start
        int at = code + pc + 1 + pad;
        if (op == 0xAA) { // tableswitch: default, low, high, offsets
            int low = s4(b, at + 4);
            int high = s4(b, at + 8);
            return 1 + pad + 12 + 4 * (high - low + 1);
        }
        if (op == 0xAB) { // lookupswitch: default, npairs, pairs
            return 1 + pad + 8 + 8 * s4(b, at + 4);
        }
        return -1;
    }

    /** Constant-pool entries appended after the class's own {@code first - 1} ones. */
    private static final class Pool {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream data = new DataOutputStream(bytes);
        int next;

        Pool(int first) {
            this.next = first;
        }

        int utf8(String s) {
            return add(1, d -> d.writeUTF(s));
        }

        int classEntry(int name) {
            return add(7, d -> d.writeShort(name));
        }

        int nameAndType(int name, int descriptor) {
            return add(12, d -> {
                d.writeShort(name);
                d.writeShort(descriptor);
            });
        }

        int methodref(int owner, int nameAndType) {
            return add(10, d -> {
                d.writeShort(owner);
                d.writeShort(nameAndType);
            });
        }

        private int add(int tag, Body body) {
            try {
                data.writeByte(tag);
                body.write(data);
            } catch (IOException e) {
                throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
            }
            return next++;
        }

        private interface Body {
            void write(DataOutputStream d) throws IOException;
        }
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int s4(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static void put2(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 8);
        b[at + 1] = (byte) value;
    }
}
