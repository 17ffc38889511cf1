package org.foolshap.commitment;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The canonical byte encoding of a committed row, the Merkle tree's leaf ("FSROW1"). All integers big-endian:
 * <pre>
 *   leaf   = "FSROW1" (6 ASCII bytes)
 *            u64 index                       the row's 0-based position in the committed file (its id)
 *            u32 k, then k fields            the columns, in the schema's order
 *            u32 g, then g x u64 rank        for each group column, the row's rank among the rows of its level,
 *                                            counted from 0 in file order
 *            field output                    the model's output on the row, or a missing field
 *   field  = 'N'                             a missing value
 *          | 'L' i64                         an integer (INTEGER and LONG columns), two's complement
 *          | 'D' f64                         a double, IEEE 754 binary64 bits, with -0.0 written as 0.0
 *          | 'S' u32 length, UTF-8 bytes     text, exactly as read (no trimming or normalisation)
 * </pre>
 * Every part has a fixed size or a length prefix, so two different rows never share an encoding. Values come from a
 * table as read by the workbench's CSV reader, whose types (integer, long, double, text) the schema records.
 */
final class RowEncoding {
    private static final byte[] MAGIC = "FSROW1".getBytes(StandardCharsets.US_ASCII);

    private RowEncoding() {
    }

    /**
     * @param values one per column: Long for integer and long columns, Double for doubles, String for text, null for
     *               missing
     * @param output the model's output, or null when the commitment binds no model
     */
    static byte[] encode(Schema schema, long index, List<Object> values, long[] ranks, Double output) {
        if (values.size() != schema.columns().size()) {
            throw new IllegalArgumentException("a row has " + values.size() + " values for " + schema.columns().size()
                    + " columns");
        }
        if (ranks.length != schema.groupColumns().size()) {
            throw new IllegalArgumentException("a row has " + ranks.length + " ranks for "
                    + schema.groupColumns().size() + " group columns");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 16 * values.size());
        out.writeBytes(MAGIC);
        out.writeBytes(ByteBuffer.allocate(12).putLong(index).putInt(values.size()).array());
        for (int j = 0; j < values.size(); j++) {
            field(out, schema.columns().get(j), values.get(j));
        }
        ByteBuffer r = ByteBuffer.allocate(4 + 8 * ranks.length).putInt(ranks.length);
        for (long rank : ranks) {
            r.putLong(rank);
        }
        out.writeBytes(r.array());
        field(out, new Schema.ColumnSpec("output", Schema.Type.DOUBLE), output);
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, Schema.ColumnSpec column, Object v) {
        if (v == null) {
            out.write('N');
            return;
        }
        switch (column.type()) {
            case INTEGER, LONG -> {
                if (!(v instanceof Long l)) {
                    throw new IllegalArgumentException("column " + column.name() + " holds integers, got " + v);
                }
                out.write('L');
                out.writeBytes(ByteBuffer.allocate(8).putLong(l).array());
            }
            case DOUBLE -> {
                if (!(v instanceof Double d) || !Double.isFinite(d)) {
                    throw new IllegalArgumentException("column " + column.name() + " holds finite doubles, got " + v);
                }
                out.write('D');
                out.writeBytes(ByteBuffer.allocate(8).putLong(Double.doubleToLongBits(d == 0 ? 0.0 : d)).array());
            }
            case TEXT -> {
                if (!(v instanceof String s)) {
                    throw new IllegalArgumentException("column " + column.name() + " holds text, got " + v);
                }
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.write('S');
                out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
                out.writeBytes(b);
            }
        }
    }

    /** The level of a group column's value, as written in the commitment: the text, or the integer in decimal. */
    static String level(Object v) {
        return v instanceof String s ? s : String.valueOf(v);
    }
}
