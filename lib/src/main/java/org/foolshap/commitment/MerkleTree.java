package org.foolshap.commitment;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of Certificate Transparency (RFC 6962, section 2.1; RFC 9162, section 2.1) over SHA-256: the hash of
 * a leaf is SHA-256(0x00 || leaf bytes), of an inner node SHA-256(0x01 || left || right), and a tree of n > 1 leaves
 * splits at k, the largest power of two smaller than n: MTH(D[n]) = node(MTH(D[0:k]), MTH(D[k:n])). The distinct
 * prefixes keep a leaf from passing as a node. An inclusion proof of leaf m is the list of sibling hashes from the
 * leaf up (RFC 6962's PATH(m, D[n])); it is checked against the root with the leaf's index and the tree size
 * ({@link #verify}, RFC 9162's algorithm, which also rejects a proof that is too short or too long).
 *
 * <p>Built bottom-up in O(n) hashes (an odd node at the end of a level moves up unchanged, which is the same tree);
 * all levels are kept, so a proof costs O(log n). Immutable.
 */
public final class MerkleTree {
    private final byte[][][] levels; // levels[0] = leaf hashes, last = {root}

    private MerkleTree(byte[][][] levels) {
        this.levels = levels;
    }

    /** The tree over these leaf hashes (see {@link #leafHash}); at least one leaf. */
    public static MerkleTree of(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
        }
        List<byte[][]> out = new ArrayList<>();
        byte[][] level = leafHashes.toArray(byte[][]::new);
        out.add(level);
        MessageDigest md = Sha256.digest();
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = 2 * i + 1 < level.length ? node(md, level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            out.add(up);
            level = up;
        }
        return new MerkleTree(out.toArray(byte[][][]::new));
    }

    /** SHA-256(0x00 || leaf). */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest md = Sha256.digest();
        md.update((byte) 0);
        return md.digest(leaf);
    }

    static byte[] node(MessageDigest md, byte[] left, byte[] right) {
        md.reset();
        md.update((byte) 1);
        md.update(left);
        return md.digest(right);
    }

    public byte[] root() {
        return levels[levels.length - 1][0].clone();
    }

    public int size() {
        return levels[0].length;
    }

    /** The inclusion proof of leaf {@code index}: sibling hashes from the leaf up. */
    public List<byte[]> proof(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of a tree of " + size());
        }
        List<byte[]> path = new ArrayList<>();
        int i = index;
        for (int l = 0; l < levels.length - 1; l++) {
            int sibling = i ^ 1;
            if (sibling < levels[l].length) {
                path.add(levels[l][sibling].clone());
            }
            i >>= 1;
        }
        return path;
    }

    /**
     * Whether {@code proof} shows that the leaf with hash {@code leafHash} is leaf {@code index} of the tree of
     * {@code size} leaves with this {@code root} (RFC 9162, section 2.1.3.2).
     */
    public static boolean verify(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        MessageDigest md = Sha256.digest();
        for (byte[] p : proof) {
            if (p == null || p.length != Sha256.BYTES || sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(md, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(md, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }
}
