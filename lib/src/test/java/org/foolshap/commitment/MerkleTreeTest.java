package org.foolshap.commitment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree against RFC 6962's recursive definition, and proofs that check exactly their leaf, index and root. */
class MerkleTreeTest {
    /** RFC 6962, 2.1: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of 2 below n. */
    static byte[] mth(List<byte[]> leaves, int from, int to) {
        if (to - from == 1) {
            return Sha256.of(concat(new byte[] {0}, leaves.get(from)));
        }
        int k = Integer.highestOneBit(to - from - 1);
        return Sha256.of(concat(new byte[] {1}, concat(mth(leaves, from, from + k), mth(leaves, from + k, to))));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static List<byte[]> leaves(int n) {
        List<byte[]> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(("leaf " + i).getBytes(StandardCharsets.UTF_8));
        }
        return l;
    }

    @Test
    void rootIsRfc6962sTreeHashAndEveryProofChecks() {
        for (int n = 1; n <= 33; n++) {
            List<byte[]> data = leaves(n);
            MerkleTree t = MerkleTree.of(data.stream().map(MerkleTree::leafHash).toList());
            assertArrayEquals(mth(data, 0, n), t.root(), "n = " + n);
            for (int i = 0; i < n; i++) {
                byte[] leaf = MerkleTree.leafHash(data.get(i));
                List<byte[]> proof = t.proof(i);
                assertTrue(MerkleTree.verify(leaf, i, n, proof, t.root()), "leaf " + i + " of " + n);
                assertFalse(MerkleTree.verify(MerkleTree.leafHash(data.get((i + 1) % n)), i, n, proof, t.root())
                        && n > 1, "another leaf's hash, leaf " + i + " of " + n);
                if (n > 1) {
                    assertFalse(MerkleTree.verify(leaf, (i + 1) % n, n, proof, t.root()), "a wrong index");
                    assertFalse(MerkleTree.verify(leaf, i, n, proof.subList(0, proof.size() - 1), t.root()),
                            "a truncated proof, leaf " + i + " of " + n);
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(new byte[32]);
                assertFalse(MerkleTree.verify(leaf, i, n, longer, t.root()), "an extended proof");
                assertFalse(MerkleTree.verify(leaf, i, n, proof, Sha256.of(t.root())), "another root");
            }
        }
    }

    @Test
    void aLeafCannotPassForANode() {
        List<byte[]> data = leaves(4);
        MerkleTree t = MerkleTree.of(data.stream().map(MerkleTree::leafHash).toList());
        // the two hashes under the root's left child, presented as one 64-byte "leaf"
        byte[] fake = concat(MerkleTree.leafHash(data.get(0)), MerkleTree.leafHash(data.get(1)));
        assertFalse(MerkleTree.verify(MerkleTree.leafHash(fake), 0, 2, t.proof(2).subList(1, 2), t.root()));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.of(List.of()));
        assertThrows(IndexOutOfBoundsException.class, () -> t.proof(4));
    }
}
