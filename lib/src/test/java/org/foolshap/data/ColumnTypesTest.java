package org.foolshap.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import org.foolshap.commitment.Schema;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.DoubleColumnType;

/**
 * A second instance of Tablesaw's double type (what two threads creating the first double columns at once can
 * leave) is still the double type: a commitment's schema and the feature reader accept its columns.
 */
class ColumnTypesTest {
    @Test
    void aSecondInstanceOfATypeIsTheSameType() throws Exception {
        Field instance = DoubleColumnType.class.getDeclaredField("INSTANCE");
        instance.setAccessible(true);
        Object original = instance.get(null);
        DoubleColumn height;
        try {
            instance.set(null, null); // the next column gets a new DoubleColumnType, as after a race
            height = DoubleColumn.create("height", 1.5, 2.5);
        } finally {
            instance.set(null, original);
        }
        assertNotSame(ColumnType.DOUBLE, height.type(), "the test needs a second instance");
        assertTrue(ColumnTypes.is(height, ColumnType.DOUBLE));
        assertTrue(!ColumnTypes.is(height, ColumnType.STRING));
        Table t = Table.create("people", StringColumn.create("group", "a", "b"), height);
        Schema schema = Schema.of(t, null);
        assertEquals(List.of("group", "height"), schema.names());
    }
}
