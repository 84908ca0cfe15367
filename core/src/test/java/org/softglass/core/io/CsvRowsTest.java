package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CsvRows: rows after the header, blank lines skipped; every problem one line naming the file and line. */
class CsvRowsTest {
    @TempDir Path dir;

    private String refused(String text) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, text);
        return assertThrows(InputFormatException.class, () -> CsvRows.read(f, "id,v", (r, l, s) -> Double.parseDouble(r[1]))).getMessage()
                .replace(f.toString(), "t.csv");
    }

    @Test
    void rowsAndRefusals() throws Exception {
        Path f = dir.resolve("ok.csv");
        Files.writeString(f, "id,v\n1,0.5\n\n2,-1e3\n");
        List<String> got = new ArrayList<>();
        CsvRows.read(f, "id,v", (r, line, s) -> got.add(line + ":" + r[0] + "=" + Double.parseDouble(r[1])));
        assertEquals(List.of("2:1=0.5", "4:2=-1000.0"), got);
        assertEquals("t.csv:1: header 'id,w', expected 'id,v'", refused("id,w\n1,2\n"));
        assertEquals("t.csv:3: 3 fields, expected 2 (id,v)", refused("id,v\n1,2\n1,2,3\n"));
        assertEquals("t.csv:2: found '1,x', expected numbers as in 'id,v'", refused("id,v\n1,x\n"));
        Files.write(dir.resolve("t.csv"), new byte[] {'i', 'd', ',', 'v', '\n', '1', ',', (byte) 0xff, '\n'});
        assertEquals("t.csv: not UTF-8 text, expected a CSV (id,v)",
                assertThrows(InputFormatException.class, () -> CsvRows.read(dir.resolve("t.csv"), "id,v", (r, l, s) -> { }))
                        .getMessage().replace(dir.resolve("t.csv").toString(), "t.csv"));
    }

    @Test
    void tableFromAStreamMatchesTheFileAndNamesTheSource() throws Exception {
        String text = "label, x\n1,0.5\n\n0, -2\n";
        Path f = dir.resolve("s.csv");
        Files.writeString(f, text);
        CsvRows.Table fromFile = CsvRows.readTable(f);
        CsvRows.Table fromStream = CsvRows.readTable(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "res.csv");
        assertEquals(fromFile.header(), fromStream.header());
        assertEquals(List.of("1,0.5", "0,-2"), fromStream.rows().stream().map(r -> String.join(",", r)).toList());
        assertEquals(4, fromStream.lines()[1]);
        assertEquals("res.csv:3: found '1,2,3' (3 fields), expected 2 (label,x)", assertThrows(InputFormatException.class,
                () -> CsvRows.readTable(new java.io.ByteArrayInputStream("label,x\n1,2\n1,2,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "res.csv"))
                .getMessage());
        assertEquals("res.csv: not UTF-8 text (a malformed byte sequence), expected a UTF-8 CSV table", assertThrows(InputFormatException.class,
                () -> CsvRows.readTable(new java.io.ByteArrayInputStream(new byte[] {'a', '\n', (byte) 0xff}), "res.csv")).getMessage());
    }

    /** readCommented: comments and blank lines skipped, fields split at commas with their blanks, 1-based line numbers. */
    @Test
    void commentedTablesSkipCommentsAndSplitAtCommasWithBlanks() throws Exception {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "# tau table\nT , tau\n\n  0.5,2 , x\n# more\n0.6,3,\n");
        List<String> got = new ArrayList<>();
        CsvRows.readCommented(f, (r, line, s) -> got.add(line + ":" + String.join("|", r) + ":" + s));
        assertEquals(List.of("2:T|tau:T , tau", "4:0.5|2|x:0.5,2 , x", "6:0.6|3:0.6,3,"), got);
        Files.write(f, new byte[] {'1', ',', (byte) 0xff, '\n'});
        assertEquals(f + ": not UTF-8 text (a malformed byte sequence), expected a UTF-8 CSV table",
                assertThrows(InputFormatException.class, () -> CsvRows.readCommented(f, (r, l, s) -> { })).getMessage());
        Files.writeString(f, "# T, tau\n0.5, 2\n0.6, x\n");
        assertEquals(f + ":3: found '0.6, x', expected numbers", assertThrows(InputFormatException.class,
                () -> CsvRows.readCommented(f, (r, l, s) -> Double.parseDouble(r[1]))).getMessage(), "a value the consumer cannot parse, named with its line");
    }

    /** lastRow: the newest row of a table being appended to, every field kept; null for a missing or blank file. */
    @Test
    void lastRowIsTheLastNonBlankLineSplitAtCommas() throws Exception {
        Path f = dir.resolve("thermo.csv.part");
        assertNull(CsvRows.lastRow(f), "no file");
        Files.writeString(f, "\n\n");
        assertNull(CsvRows.lastRow(f), "only blank lines");
        Files.writeString(f, "step,pe\n100,-3.5\n200,,\n\n");
        assertArrayEquals(new String[] {"200", "", ""}, CsvRows.lastRow(f));
        Files.writeString(f, "step,pe\n100,-3.5\n20");
        assertArrayEquals(new String[] {"20"}, CsvRows.lastRow(f), "an incomplete last line as written");
    }
}
