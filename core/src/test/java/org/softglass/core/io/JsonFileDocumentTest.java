package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JsonFile's document and stream readers and its two texts (indented as written, compact for hashing). */
class JsonFileDocumentTest {
    @TempDir Path dir;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Doc(@JsonProperty("x") double x, @JsonProperty("names") List<String> names) {}

    @Test
    void prettyIsWhatWriteWritesAndTextHasNoWhitespace() throws Exception {
        Object v = JsonFile.map("a", 1, "b", List.of(0.5, "s"), "c", null);
        Path f = dir.resolve("v.json");
        JsonFile.write(f, v);
        assertEquals(Files.readString(f), JsonFile.pretty(v));
        assertEquals("{\"a\":1,\"b\":[0.5,\"s\"],\"c\":null}", JsonFile.text(v));
    }

    @Test
    void documentChecksTheSchemaThenBindsWithNaNForNull() throws Exception {
        Path f = dir.resolve("d.json");
        Files.writeString(f, "{\"schema\":\"softglass.t/1\",\"x\":null,\"names\":[\"a\"],\"extra\":{}}");
        Doc d = JsonFile.readDocument(f, "softglass.t/1", Doc.class);
        assertTrue(Double.isNaN(d.x()));
        assertEquals(List.of("a"), d.names());
        assertEquals(f + ": field 'schema' missing or invalid, expected \"softglass.u/1\"",
                assertThrows(InputFormatException.class, () -> JsonFile.readDocument(f, "softglass.u/1", Doc.class)).getMessage());
        Files.writeString(f, "{\"schema\":\"softglass.t/1\",\"names\":{\"a\":1}}");
        String m = assertThrows(InputFormatException.class, () -> JsonFile.readDocument(f, "softglass.t/1", Doc.class)).getMessage();
        assertTrue(m.startsWith(f + ": does not match its schema (") && m.endsWith(") at field 'names'"), m);
    }

    record Arr(@JsonProperty("v") double[] v, @JsonProperty("boxed") List<Double> boxed) {}

    @Test
    void lenientReadRefusesNullInAPrimitiveArrayAndTrailingText() throws Exception {
        Path f = dir.resolve("a.json");
        Files.writeString(f, "{\"v\": [1, 2.5], \"boxed\": [1, null]}");
        Arr a = JsonFile.read(f, Arr.class);
        assertEquals(2.5, a.v()[1]);
        assertNull(a.boxed().get(1), "a list of boxed numbers keeps its nulls");
        Files.writeString(f, "{\"v\": [1, null]}");
        String m = assertThrows(InputFormatException.class, () -> JsonFile.read(f, Arr.class)).getMessage();
        assertTrue(m.startsWith(f + ": does not match its schema (") && m.endsWith(" at field 'v[1]'"), "not 0: " + m);
        Files.writeString(f, "{\"v\": [1]} {}");
        assertTrue(assertThrows(InputFormatException.class, () -> JsonFile.read(f, Arr.class)).getMessage().startsWith(f + ": not valid JSON ("));
        Files.writeString(f, "{\"schema\": \"softglass.t/1\"} x");
        assertTrue(assertThrows(InputFormatException.class, () -> JsonFile.readDocument(f, "softglass.t/1", Arr.class)).getMessage()
                .startsWith(f + ": not valid JSON ("));
    }

    @Test
    void streamIsReadLikeAFileAndNamedBySource() throws Exception {
        Doc d = JsonFile.read(new ByteArrayInputStream("{\"names\":[]}".getBytes(StandardCharsets.UTF_8)), "res.json", Doc.class);
        assertTrue(Double.isNaN(d.x()), "a missing double is NaN");
        assertEquals(List.of(), d.names());
        assertTrue(assertThrows(InputFormatException.class,
                () -> JsonFile.read(new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8)), "res.json", Doc.class)).getMessage()
                .startsWith("res.json: not valid JSON ("));
        assertNull(JsonFile.read(new ByteArrayInputStream("null".getBytes(StandardCharsets.UTF_8)), "res.json", Doc.class));
    }
}
