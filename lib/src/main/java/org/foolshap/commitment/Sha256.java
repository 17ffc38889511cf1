package org.foolshap.commitment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 from the JDK (every Java platform must provide it) and the hex form used in the JSON files. */
public final class Sha256 {
    static final int BYTES = 32;

    private Sha256() {
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    static byte[] of(byte[] bytes) {
        return digest().digest(bytes);
    }

    /** The SHA-256 of a file's bytes, as 64 hex digits (e.g. a model file's, for the commitment). */
    public static String file(java.nio.file.Path file) {
        MessageDigest md = digest();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("file " + file + " does not exist");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return hex(md.digest());
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** 32 bytes from 64 hex digits, or an error naming {@code what}. */
    static byte[] parse(String what, String hex) {
        if (hex == null || hex.length() != 2 * BYTES) {
            throw new IllegalArgumentException(what + " must be 64 hex digits (a SHA-256 hash), got "
                    + (hex == null ? "nothing" : "'" + abbreviate(hex) + "'"));
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not hexadecimal: '" + abbreviate(hex) + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 70 ? s.substring(0, 70) + "..." : s;
    }
}
