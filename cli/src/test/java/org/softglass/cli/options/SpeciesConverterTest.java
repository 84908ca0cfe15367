package org.softglass.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import org.softglass.study.Species;

/**
 * The species converters accept the spellings the commands always took (any case) and refuse anything else in one
 * line that names the option and the accepted values.
 */
class SpeciesConverterTest {

    @Test
    void binarySpeciesInAnyCase() {
        SpeciesConverter c = new SpeciesConverter();
        assertEquals(Species.A, c.convert("A"));
        assertEquals(Species.A, c.convert("a"));
        assertEquals(Species.B, c.convert("b"));
        assertEquals(Species.ALL, c.convert("ALL"));
        assertEquals("must be A, B or all, got 'C'", assertThrows(OptionValueException.class, () -> c.convert("C")).getMessage());
    }

    @Test
    void centreSpeciesIsALetterOrAll() {
        CentreSpeciesConverter c = new CentreSpeciesConverter();
        assertEquals(0, c.convert("a"));
        assertEquals(25, c.convert("Z"));
        assertEquals(CentreSpeciesConverter.ALL, c.convert("All"));
        assertEquals("must be a letter A..Z or all, got 'AB'", assertThrows(OptionValueException.class, () -> c.convert("AB")).getMessage());
    }

    /** On the command line: one line naming the option, exit code 2, before any input is read (the files do not exist). */
    @Test
    void badValuesAreOneLineNamingTheOption() {
        String[][] cases = {
            {"--species must be A, B or all, got 'C'", "overlap", "none.dump", "--out", "x", "--species", "C", "--quiet"},
            {"--species must be A, B or all, got 'x'", "persistence", "none", "--out", "x", "--species", "x", "--quiet"},
            {"--species must be a letter A..Z or all, got '1'", "descriptors", "none.dump", "--preset", "ka-266", "--out", "x", "--species", "1"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(ExitCodes.USAGE, r.code(), r.err());
            assertEquals("softglass: " + c[0] + "\n", r.err());
        }
    }
}
