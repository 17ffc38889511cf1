package org.foolshap.commitment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.foolshap.ToyAudit;
import org.foolshap.attack.AttackResult;
import org.foolshap.data.AuditSetting;
import org.foolshap.model.Model;
import org.foolshap.model.ModelFile;
import org.foolshap.model.ModelKind;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Commit, draw, reveal, verify on the toy audit: an honest reveal verifies; any change to a row, its place, its proof
 * or the draw fails and names the row; the attack's stealthy S_1' cannot be supplied in place of the drawn rows.
 */
class CommitmentProtocolTest {
    static final AuditSetting SETTING = ToyAudit.setting();
    static final Table TABLE = SETTING.source();
    static final Model MODEL = ToyAudit.model(SETTING);
    static final String MODEL_HASH = Sha256.hex(Sha256.of("toy model".getBytes(StandardCharsets.UTF_8)));
    static final ModelFile MODEL_FILE = new ModelFile(SETTING.features(), MODEL, ModelKind.LOGISTIC, "employed",
            List.of("0", "1"), Map.of());
    static final CommittedTable COMMITTED = CommittedTable.of(TABLE, null,
            MODEL.outputs(SETTING.features().encode(TABLE)), MODEL_HASH);
    static final Commitment COMMITMENT = COMMITTED.commitment();

    static Verification verify(DrawRequest r, Reveal v) {
        return Verifier.verify(COMMITMENT, r, v, MODEL_FILE, MODEL_HASH);
    }

    static Reveal edit(Reveal v, int k, UnaryOperator<RevealedRow> change) {
        List<RevealedRow> rows = new ArrayList<>(v.rows());
        rows.set(k, change.apply(rows.get(k)));
        return new Reveal(v.root(), rows);
    }

    static void assertFailsAt(Verification v, int row, String... words) {
        assertFalse(v.verified(), v.message());
        assertEquals(row, v.row(), v.message());
        assertTrue(v.message().contains("row " + row), v.message());
        for (String w : words) {
            assertTrue(v.message().contains(w), "'" + w + "' in: " + v.message());
        }
    }

    @Test
    void theCommitmentDescribesTheTableAndItsGroups() {
        assertEquals(TABLE.rowCount(), COMMITMENT.rows());
        assertEquals(List.of("sex"), COMMITMENT.schema().groupColumns(), "text columns are the default groups");
        assertEquals(SETTING.size(org.foolshap.data.Group.FOREGROUND), COMMITMENT.groupSize("sex", "Female"));
        assertEquals(SETTING.size(org.foolshap.data.Group.BACKGROUND), COMMITMENT.groupSize("sex", "Male"));
        assertEquals(Schema.Type.DOUBLE, COMMITMENT.schema().type("height"));
        assertEquals(Schema.Type.INTEGER, COMMITMENT.schema().type("employed"));
        assertEquals(COMMITMENT, Commitment.fromJson(COMMITMENT.toJson(), "test"), "JSON round trip");
        assertEquals(COMMITMENT.root(), CommittedTable.of(TABLE.copy(), null,
                MODEL.outputs(SETTING.features().encode(TABLE)), MODEL_HASH).commitment().root(), "deterministic");
        assertNotEquals(COMMITMENT.root(), CommittedTable.of(TABLE, null, null, null).commitment().root(),
                "the outputs are committed");
        String m = assertThrows(IllegalArgumentException.class, () -> COMMITMENT.groupSize("sex", "male"))
                .getMessage();
        assertTrue(m.contains("Female") && m.contains("Male"), m);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> COMMITMENT.groupSize("height", "1"))
                .getMessage().contains("not a group column"));
    }

    @Test
    void drawsAreReproducibleFromTheSeedAndTheCommitmentAlone() {
        DrawRequest a = DrawRequest.draw(COMMITMENT, 5, 40, "sex", "Male");
        DrawRequest b = DrawRequest.draw(Commitment.fromJson(COMMITMENT.toJson(), "copy"), 5, 40, "sex", "Male");
        assertArrayEquals(a.positions(), b.positions());
        assertEquals(a, DrawRequest.fromJson(a.toJson(), "test"), "JSON round trip");
        assertEquals(40, Arrays.stream(a.positions()).distinct().count(), "without replacement");
        assertTrue(Arrays.stream(a.positions()).allMatch(p -> p >= 0 && p < a.size()));
        assertFalse(Arrays.equals(a.positions(), DrawRequest.draw(COMMITMENT, 6, 40, "sex", "Male").positions()));
        assertFalse(Arrays.equals(a.positions(), DrawRequest.draw(COMMITMENT, 5, 40, "sex", "Female").positions()));
        // every position is equally likely: over many seeds each of n positions comes up about m / n of the time
        int n = (int) COMMITMENT.groupSize("sex", "Female");
        int[] hits = new int[n];
        int seeds = 400;
        for (int s = 0; s < seeds; s++) {
            for (long p : DrawRequest.draw(COMMITMENT, s, 20, "sex", "Female").positions()) {
                hits[(int) p]++;
            }
        }
        double expected = seeds * 20.0 / n;
        double chi2 = Arrays.stream(hits).mapToDouble(h -> (h - expected) * (h - expected) / expected).sum();
        // chi-square with n - 1 degrees of freedom: mean n - 1, sd sqrt(2 (n - 1)); 5 sd is far in the tail
        assertTrue(Math.abs(chi2 - (n - 1)) < 5 * Math.sqrt(2.0 * (n - 1)), "chi2 = " + chi2 + " for n = " + n);
        assertThrows(IllegalArgumentException.class, () -> DrawRequest.draw(COMMITMENT, 1, n + 1, "sex", "Female"));
    }

    @Test
    void anHonestRevealVerifies() {
        for (DrawRequest r : List.of(DrawRequest.draw(COMMITMENT, 5, 40, "sex", "Male"),
                DrawRequest.draw(COMMITMENT, 9, 25))) {
            Reveal v = COMMITTED.reveal(r);
            Verification ok = verify(r, v);
            assertTrue(ok.verified(), ok.message());
            assertTrue(ok.message().startsWith("verified") && ok.message().contains("outputs match"), ok.message());
            Reveal parsed = Reveal.fromJson(v.toJson(), "reveal", COMMITMENT.schema());
            assertTrue(verify(r, parsed).verified(), "after a JSON round trip");
            assertTrue(Verifier.verify(COMMITMENT, r, parsed).message().contains("outputs not checked"));
        }
    }

    @Test
    void everyKindOfTamperingFailsNamingTheRow() {
        DrawRequest r = DrawRequest.draw(COMMITMENT, 5, 40, "sex", "Male");
        Reveal v = COMMITTED.reveal(r);
        int height = COMMITMENT.schema().index("height");
        // one value changed by one bit
        assertFailsAt(verify(r, edit(v, 3, row -> {
            List<Object> values = new ArrayList<>(row.values());
            values.set(height, Math.nextUp((Double) values.get(height)));
            return new RevealedRow(row.position(), row.index(), values, row.ranks(), row.output(), row.proof());
        })), 3, "inclusion proof");
        // another value of another row changed
        assertFailsAt(verify(r, edit(v, 6, row -> {
            List<Object> values = new ArrayList<>(row.values());
            values.set(COMMITMENT.schema().index("noise1"), (Double) values.get(COMMITMENT.schema().index("noise1")) + 1);
            return new RevealedRow(row.position(), row.index(), values, row.ranks(), row.output(), row.proof());
        })), 6, "inclusion proof");
        // two rows swapped
        List<RevealedRow> swapped = new ArrayList<>(v.rows());
        swapped.set(2, v.rows().get(5));
        swapped.set(5, v.rows().get(2));
        assertFailsAt(verify(r, new Reveal(v.root(), swapped)), 2, "position");
        // another committed row (true values, index, rank and proof) given for a requested position
        RevealedRow other = COMMITTED.reveal(DrawRequest.draw(COMMITMENT, 77, 1, "sex", "Male")).rows().get(0);
        assertFailsAt(verify(r, edit(v, 4, row -> new RevealedRow(row.position(), other.index(), other.values(),
                other.ranks(), other.output(), other.proof()))), 4, "rank");
        // a wrong index claimed for the right row
        assertFailsAt(verify(r, edit(v, 7, row -> new RevealedRow(row.position(), (row.index() + 1) % COMMITMENT.rows(),
                row.values(), row.ranks(), row.output(), row.proof()))), 7);
        // a truncated proof
        assertFailsAt(verify(r, edit(v, 1, row -> new RevealedRow(row.position(), row.index(), row.values(),
                row.ranks(), row.output(), row.proof().subList(0, row.proof().size() - 1)))), 1, "inclusion proof");
        // a committed output that the model does not give: caught by the proof
        assertFailsAt(verify(r, edit(v, 8, row -> new RevealedRow(row.position(), row.index(), row.values(),
                row.ranks(), row.output() + 1e-6, row.proof()))), 8, "inclusion proof");
        // rows missing, rows added
        assertFailsAt(verify(r, new Reveal(v.root(), v.rows().subList(0, 39))), 39, "missing");
        List<RevealedRow> more = new ArrayList<>(v.rows());
        more.add(other);
        assertFailsAt(verify(r, new Reveal(v.root(), more)), 40, "not requested");
        // the whole-table draw: the index is the position
        DrawRequest all = DrawRequest.draw(COMMITMENT, 3, 10);
        Reveal va = COMMITTED.reveal(all);
        RevealedRow wrong = COMMITTED.reveal(DrawRequest.draw(COMMITMENT, 4, 1)).rows().get(0);
        assertFailsAt(verify(all, edit(va, 0, row -> new RevealedRow(row.position(), wrong.index(), wrong.values(),
                wrong.ranks(), wrong.output(), wrong.proof()))), 0, "index");
    }

    @Test
    void aRequestForRowsThatDoNotExistIsRefused() {
        DrawRequest r = DrawRequest.draw(COMMITMENT, 5, 3, "sex", "Male");
        DrawRequest outside = new DrawRequest(r.root(), r.rows(), r.schema(), r.modelSha256(), 5, 3, r.group(),
                new long[] {0, 1, r.size()});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> COMMITTED.reveal(outside)).getMessage()
                .contains("rank " + r.size()));
        DrawRequest noGroup = new DrawRequest(r.root(), r.rows(), r.schema(), r.modelSha256(), 5, 3,
                new DrawRequest.Group("height", "170", 3), new long[] {0, 1, 2});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> COMMITTED.reveal(noGroup)).getMessage()
                .contains("not a group column"));
        DrawRequest beyond = new DrawRequest(r.root(), r.rows(), r.schema(), r.modelSha256(), 5, 1, null,
                new long[] {r.rows()});
        assertThrows(IllegalArgumentException.class, () -> COMMITTED.reveal(beyond));
        assertFalse(Verifier.verify(COMMITMENT, outside, COMMITTED.reveal(r)).verified(), "not the seed's draw");
    }

    @Test
    void anotherSeedOrAnotherModelFails() {
        DrawRequest asked = DrawRequest.draw(COMMITMENT, 5, 40, "sex", "Male");
        DrawRequest other = DrawRequest.draw(COMMITMENT, 6, 40, "sex", "Male");
        // the company answers the draw of another seed
        Reveal forOther = COMMITTED.reveal(other);
        int first = 0;
        while (asked.positions()[first] == other.positions()[first]) {
            first++;
        }
        assertFailsAt(verify(asked, forOther), first, "position");
        // a request claiming seed 5 but listing the positions of seed 6
        DrawRequest forged = new DrawRequest(asked.root(), asked.rows(), asked.schema(), asked.modelSha256(), 5, 40,
                asked.group(), other.positions());
        assertFailsAt(verify(forged, COMMITTED.reveal(forged)), first, "seed 5");
        // another model: the rows verify, the outputs do not
        Model shifted = Model.of(MODEL.width(), x -> MODEL.output(x) * 0.99);
        Verification v = Verifier.verify(COMMITMENT, asked, COMMITTED.reveal(asked), new ModelFile(SETTING.features(),
                shifted, ModelKind.LOGISTIC, "employed", List.of("0", "1"), Map.of()), MODEL_HASH);
        assertFailsAt(v, 0, "the model gives");
        assertFalse(Verifier.verify(COMMITMENT, asked, COMMITTED.reveal(asked), MODEL_FILE, Sha256.hex(new byte[32]))
                .verified(), "a model file with another hash");
    }

    @Test
    void theFoolShapSampleCannotBeSuppliedInsteadOfTheDrawnRows() {
        AttackResult attack = ToyAudit.attack();
        int[] stealthy = attack.sampleS1().ids(); // source rows of the reweighted S_1' (the company's choice)
        DrawRequest r = DrawRequest.draw(COMMITMENT, 2024, stealthy.length, "sex", "Male");
        Reveal honest = COMMITTED.reveal(r);
        assertTrue(verify(r, honest).verified());
        long[] drawnIds = honest.rows().stream().mapToLong(RevealedRow::index).toArray();
        int first = 0;
        while (first < stealthy.length && stealthy[first] == drawnIds[first]) {
            first++;
        }
        assertTrue(first < stealthy.length, "the stealthy sample differs from the drawn rows");
        // 1. the stealthy rows as they are committed (true values, ranks, outputs, valid proofs) at the requested
        //    positions: their ranks are not the drawn ones
        List<RevealedRow> asCommitted = new ArrayList<>();
        for (int k = 0; k < stealthy.length; k++) {
            RevealedRow row = rowAt(stealthy[k]);
            asCommitted.add(new RevealedRow(r.positions()[k], row.index(), row.values(), row.ranks(), row.output(),
                    row.proof()));
        }
        assertFailsAt(verify(r, new Reveal(honest.root(), asCommitted)), first, "rank");
        // 2. the same rows with their own ranks as positions: not the positions drawn from the seed
        List<RevealedRow> ownPositions = new ArrayList<>();
        for (int id : stealthy) {
            ownPositions.add(rowAt(id));
        }
        Verification own = verify(r, new Reveal(honest.root(), ownPositions));
        assertFalse(own.verified());
        assertTrue(own.message().contains("position"), own.message());
        // 3. the stealthy rows' contents under the drawn indices, ranks and proofs: the proofs fail
        List<RevealedRow> relabelled = new ArrayList<>();
        for (int k = 0; k < stealthy.length; k++) {
            RevealedRow drawn = honest.rows().get(k);
            RevealedRow row = rowAt(stealthy[k]);
            relabelled.add(new RevealedRow(drawn.position(), drawn.index(), row.values(), drawn.ranks(), row.output(),
                    drawn.proof()));
        }
        assertFailsAt(verify(r, new Reveal(honest.root(), relabelled)), firstDifferentContent(relabelled, honest),
                "inclusion proof");
        // what verifies is an honest uniform draw: its rows are distinct, unlike the attack's repeated support
        assertEquals(stealthy.length, new HashSet<>(Arrays.stream(drawnIds).boxed().toList()).size());
        assertTrue(attack.sampleS1().distinctRows() < stealthy.length, "the stealthy sample repeats rows");
    }

    @Test
    void revealInsteadVerifiesOnlyWhenTheOfferedRowsAreTheDrawnOnes() {
        int[] stealthy = ToyAudit.attack().sampleS1().ids();
        DrawRequest r = DrawRequest.draw(COMMITMENT, 7, stealthy.length, "sex", "Male");
        Reveal honest = COMMITTED.reveal(r);
        int[] drawn = honest.rows().stream().mapToInt(row -> Math.toIntExact(row.index())).toArray();
        assertTrue(verify(r, COMMITTED.revealInstead(r, drawn)).verified(), "the drawn rows offered as a choice");
        int first = 0;
        while (stealthy[first] == drawn[first]) {
            first++;
        }
        assertFailsAt(verify(r, COMMITTED.revealInstead(r, stealthy)), first);
        assertThrows(IllegalArgumentException.class, () -> COMMITTED.revealInstead(r, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> COMMITTED.revealInstead(r,
                java.util.stream.IntStream.generate(() -> TABLE.rowCount()).limit(stealthy.length).toArray()));
    }

    /** The committed row at source index {@code id}, with its own rank in the sex column as position. */
    static RevealedRow rowAt(int id) {
        DrawRequest one = new DrawRequest(COMMITMENT.root(), COMMITMENT.rows(), COMMITMENT.schema(),
                COMMITMENT.modelSha256(), 0, 1, null, new long[] {id});
        RevealedRow row = COMMITTED.reveal(one).rows().get(0);
        return new RevealedRow(row.ranks()[0], row.index(), row.values(), row.ranks(), row.output(), row.proof());
    }

    static int firstDifferentContent(List<RevealedRow> rows, Reveal honest) {
        for (int k = 0; k < rows.size(); k++) {
            if (!rows.get(k).values().equals(honest.rows().get(k).values())
                    || !rows.get(k).output().equals(honest.rows().get(k).output())) {
                return k;
            }
        }
        throw new AssertionError("no row differs");
    }
}
