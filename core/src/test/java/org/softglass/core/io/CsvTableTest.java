package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvRows#readTable}: columns by name, rows with their line numbers, every refusal naming file and line. */
class CsvTableTest {
    @TempDir Path dir;

    @Test
    void readsColumnsByNameWithLineNumbers() throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, " step , u_is_per_atom\n0,-7.5\n\n200, -7.6 \n");
        CsvRows.Table t = CsvRows.readTable(f);
        assertEquals(List.of("step", "u_is_per_atom"), t.header());
        assertEquals(0, t.column("timestep", "step"));
        assertEquals(-1, t.column("kappa"));
        assertEquals(2, t.rows().size());
        assertArrayEquals(new String[] {"200", "-7.6"}, t.rows().get(1));
        assertArrayEquals(new long[] {2, 4}, t.lines());   // the blank line 3 is skipped, not renumbered
        assertTrue(t.error(1, "bad").getMessage().endsWith("t.csv:4: bad"), t.error(1, "bad").getMessage());
    }

    @Test
    void numericColumnsByNameNameTheMissingColumnAndTheBadField() throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "step,u\n0,-7.5\n\n200,x\n");
        CsvRows.Table t = CsvRows.readTable(f);
        assertArrayEquals(new double[] {0, 200}, t.doubles("step"));
        InputFormatException missing = assertThrows(InputFormatException.class, () -> t.doubles("kappa"));
        assertTrue(missing.getMessage().endsWith("t.csv:1: found header 'step,u', expected a column kappa"), missing.getMessage());
        InputFormatException bad = assertThrows(InputFormatException.class, () -> t.doubles("u"));
        assertTrue(bad.getMessage().endsWith("t.csv:4: column u: 'x' is not a number"), bad.getMessage());
    }

    @Test
    void refusesEmptyFilesRaggedRowsAndNonUtf8() throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "");
        assertTrue(assertThrows(InputFormatException.class, () -> CsvRows.readTable(f)).getMessage().contains(":1: empty file"));
        Files.writeString(f, "a,b\n1,2\n3\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> CsvRows.readTable(f));
        assertTrue(e.getMessage().contains(":3: found '3' (1 fields), expected 2 (a,b)"), e.getMessage());
        Files.write(f, new byte[] {'a', ',', 'b', '\n', (byte) 0xff, ',', '1', '\n'});
        assertTrue(assertThrows(InputFormatException.class, () -> CsvRows.readTable(f)).getMessage().contains("not UTF-8"));
    }
}
