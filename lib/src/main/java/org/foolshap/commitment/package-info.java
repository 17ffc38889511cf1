/**
 * A verifiable sampling protocol: commit, then draw. It closes the door Fool SHAP walks through, the company's free
 * choice of the rows it hands to the auditor.
 * <ol>
 *   <li><b>Commit</b> ({@link org.foolshap.commitment.CommittedTable}, CLI {@code commit}). Before the audit the
 *   company publishes a {@link org.foolshap.commitment.Commitment}: the Merkle root (RFC 6962 tree over SHA-256,
 *   {@link org.foolshap.commitment.MerkleTree}) of the canonical encodings of its rows, each with its index (its id:
 *   the 0-based position in the committed file), its rank within each group column's level and, with a model, the
 *   model's output on it; plus the row count, the schema, the size of every level of every group column, and the
 *   SHA-256 of the model file.</li>
 *   <li><b>Draw</b> ({@link org.foolshap.commitment.DrawRequest}, CLI {@code draw}). After the commitment is
 *   published, the auditor picks a seed (or takes one from a public randomness beacon); M distinct positions follow
 *   from the seed and the commitment alone (FSDRAW1: SHA-256 in counter mode, rejection sampling, no repeats), in
 *   the whole table or in one group (position p = the row of rank p in that group).</li>
 *   <li><b>Reveal</b> ({@link org.foolshap.commitment.Reveal}, CLI {@code reveal}). The company returns exactly those
 *   rows, in order, with their inclusion proofs.</li>
 *   <li><b>Verify</b> ({@link org.foolshap.commitment.Verifier}, CLI {@code verify}). The auditor recomputes the
 *   positions, checks every row's place (index or group value and rank), its proof against the root, and, running
 *   the model, its output. The first failure names the row.</li>
 * </ol>
 *
 * <h2>Canonical row encoding (FSROW1)</h2>
 * See {@link org.foolshap.commitment.RowEncoding}: a magic string, the index, each column as a tagged field (missing;
 * 64-bit integer; IEEE 754 double with -0.0 as 0.0; length-prefixed UTF-8 text, exactly as read), the group ranks,
 * and the output as a double field. Fixed sizes and length prefixes make the encoding injective; the types are those
 * the workbench's CSV reader detects (integer, long, double, text), recorded in the schema, so the auditor re-encodes a
 * revealed row from its JSON values exactly.
 *
 * <h2>What the commitment discloses, and why that is acceptable</h2>
 * <ul>
 *   <li>The row count and, for each group column (by default every text column, or those named with
 *   {@code --groups}), the number of rows of each level, e.g. 16,192 women and 32,650 men. A uniform draw from a
 *   group needs its size, and an auditor assessing a demographic attribution already needs the group sizes; they are
 *   aggregate counts, usually published with the data's description, and say nothing about any one row. A company
 *   that wants to disclose less names fewer group columns.</li>
 *   <li>Each inclusion proof discloses about log2(n) hashes of other rows or subtrees. The leaves are not salted, so
 *   an auditor who could guess a neighbouring row exactly (index, every value and the output) could confirm the
 *   guess; with continuous columns and model outputs in every leaf such guesses are hopeless, but a table of a few
 *   small categorical columns is guessable. Salting each leaf with a secret per-row nonce revealed with the row would
 *   remove this; it is not implemented.</li>
 *   <li>The drawn rows themselves, which the audit needs anyway.</li>
 * </ul>
 *
 * <h2>What it guarantees, and what it does not</h2>
 * Binding: SHA-256 collision resistance with RFC 6962's leaf/node prefixes means the company cannot open a leaf to
 * two different rows, move a row to another index (the index is in the leaf and in the proof check), or change a
 * committed output. The group ranks are committed too; a commitment whose ranks within a level are not exactly
 * 0 .. count - 1 leaves some rank with no row (the level counts must add up to the row count, which the commitment
 * checks), and a draw hitting that rank cannot be answered. So the revealed rows are a uniform draw from the
 * committed table, not the company's choice: Fool SHAP's reweighted S_1' fails verification at its first row that is
 * not the drawn one (see {@code CommitmentProtocolTest}). The protocol does not show that the committed table is the
 * company's real data: a company could commit a doctored table (e.g. D_1 replaced by copies of the rows its attack
 * favours). That table is then fixed before the seed, its group sizes are public, and honest draws from it are what
 * the auditor tests ({@link org.foolshap.audit.FullAudit}: duplicate rows, feature and output distributions against
 * what the auditor knows of the population); comparing the commitment with independent records is outside the
 * protocol. The seed must not be known to the company before it commits.
 */
package org.foolshap.commitment;
