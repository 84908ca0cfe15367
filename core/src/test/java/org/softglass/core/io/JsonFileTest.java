package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JsonFile#readStrict}: no coercion, and a field of the wrong kind or an unknown one named in one line. */
class JsonFileTest {
    @TempDir Path dir;

    record Inner(@JsonProperty("name") String name) {}

    record Doc(@JsonProperty("schema") String schema, @JsonProperty("ids") long[] ids, @JsonProperty("times") double[] times,
               @JsonProperty("dt") Double dt, @JsonProperty("n") Integer n, @JsonProperty("mean") List<Double> mean,
               @JsonProperty("inner") Inner inner) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Lenient(@JsonProperty("dt") Double dt) {}

    private Path file(String text) throws Exception {
        Path f = Files.createTempFile(dir, "doc", ".json");
        Files.writeString(f, text);
        return f;
    }

    private String refusal(String text) throws Exception {
        Path f = file(text);
        InputFormatException e = assertThrows(InputFormatException.class, () -> JsonFile.readStrict(f, "t/1", Doc.class), text);
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e.getMessage().substring(f.toString().length() + 2);
    }

    @Test
    void bindsPresentFieldsAndLeavesMissingOnesNull() throws Exception {
        Doc d = JsonFile.readStrict(file("{\"schema\": \"t/1\", \"ids\": [1, 2], \"mean\": [0.5, null], \"inner\": {\"name\": \"A\"}}"), "t/1", Doc.class);
        assertArrayEquals(new long[] {1, 2}, d.ids());
        assertEquals(java.util.Arrays.asList(0.5, null), d.mean(), "a JSON null in a list of boxed numbers stays null (NaN as written)");
        assertEquals("A", d.inner().name());
        assertNull(d.times());
        assertNull(d.dt());
    }

    @Test
    void aFieldOfTheWrongKindIsNamedWithWhatItHoldsAndWhatWasExpected() throws Exception {
        String head = "{\"schema\": \"t/1\", ";
        assertEquals("field 'ids[2]' is \"x\", expected an integer", refusal(head + "\"ids\": [1, 2, \"x\"]}"));
        assertEquals("field 'ids[1]' is 2.5, expected an integer", refusal(head + "\"ids\": [1, 2.5]}"));
        assertEquals("field 'ids[0]' is 9223372036854775808, expected an integer in range", refusal(head + "\"ids\": [9223372036854775808]}"));
        assertEquals("field 'times[1]' is null, expected a number", refusal(head + "\"times\": [1, null]}"));
        assertEquals("field 'dt' is \"2\", expected a number", refusal(head + "\"dt\": \"2\"}"), "no string-to-number coercion");
        assertEquals("field 'n' is 3000000000, expected an integer in range", refusal(head + "\"n\": 3000000000}"));
        assertEquals("field 'ids' is {}, expected an array", refusal(head + "\"ids\": {}}"));
        assertEquals("field 'inner.name' is 3, expected a string", refusal(head + "\"inner\": {\"name\": 3}}"), "no number-to-string coercion");
        assertEquals("field 'inner' is 5, expected an object", refusal(head + "\"inner\": 5}"));
    }

    @Test
    void unknownFieldsAreRefusedUnlessTheRecordIgnoresThem() throws Exception {
        assertEquals("unknown field 'inner.nme', expected one of [name]", refusal("{\"schema\": \"t/1\", \"inner\": {\"nme\": \"A\"}}"));
        assertEquals(0.5, JsonFile.readStrict(file("{\"dt\": 0.5, \"other\": [1]}"), null, Lenient.class).dt());
    }

    @Test
    void theDocumentMustBeAnObjectWithItsSchema() throws Exception {
        assertEquals("field 'schema' missing or invalid, expected \"t/1\"", refusal("{\"schema\": \"u/1\"}"));
        assertEquals("holds [1,2], expected a JSON object", refusal("[1, 2]"));
        assertEquals("holds nothing, expected a JSON object", refusal(""));
        assertTrue(refusal("{\"schema\": \"t/1\",").startsWith("not valid JSON ("));
        String twice = refusal("{\"schema\": \"t/1\", \"inner\": {\"name\": \"A\", \"name\": \"B\"}}");
        assertTrue(twice.startsWith("not valid JSON (Duplicate field 'name'"), "a key given twice is refused, not the last kept: " + twice);
    }

    @Test
    void commentsOnlyWhereAllowedAndThenSyntaxErrorsNameTheLine() throws Exception {
        Path f = file("{\n // a comment\n \"dt\": 1.5\n}");
        assertEquals(1.5, JsonFile.readStrictWithComments(f, Lenient.class).dt());
        assertThrows(InputFormatException.class, () -> JsonFile.readStrict(f, null, Lenient.class));
        Path bad = file("{\n \"dt\": 1.5,\n ]");
        InputFormatException e = assertThrows(InputFormatException.class, () -> JsonFile.readStrictWithComments(bad, Lenient.class));
        assertTrue(e.getMessage().startsWith(bad + ":3: not valid JSON"), e.getMessage());
    }
}
