package org.softglass.validation.published;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;

/** Table: a pipeline CSV as numbers by column; a cell that is not a number is NaN, a ragged row an error at its line. */
class TableTest {
    @Test
    void columnsByNameNonNumbersAsNaNAndRaggedRowsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "T, tau_Q\n0.6,10\n\n0.5,nan?\n");
        Table t = Table.read(f);
        assertArrayEquals(new double[] {0.6, 0.5}, t.column("T"));
        assertArrayEquals(new double[] {10, Double.NaN}, t.column("tau_Q"));
        assertEquals(f + ":1: no column 'x' (header: T,tau_Q)", assertThrows(InputFormatException.class, () -> t.column("x")).getMessage());
        Files.writeString(f, "T,tau_Q\n0.6,10\n0.5\n");
        assertEquals(f + ":3: found '0.5' (1 fields), expected 2 (T,tau_Q)", assertThrows(InputFormatException.class, () -> Table.read(f)).getMessage());
    }
}
