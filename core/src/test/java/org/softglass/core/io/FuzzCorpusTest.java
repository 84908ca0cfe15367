package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The committed fuzz corpus as plain regression tests: every file of
 * {@code fuzz-corpus/<target>/} goes through the fuzz property; a file named {@code ok-*} must parse,
 * {@code bad-*} and {@code regress-*} (inputs that once found a bug) must be refused with an
 * {@link InputFormatException}.
 */
class FuzzCorpusTest {
    @TestFactory
    List<DynamicTest> corpus() {
        List<DynamicTest> tests = new ArrayList<>();
        for (FuzzTarget t : FuzzTargets.ALL) {
            for (FuzzSupport.Seed s : FuzzSupport.seeds(t.name())) {
                tests.add(DynamicTest.dynamicTest(t.name() + "/" + s.name(), () -> {
                    FuzzSupport.Outcome o = FuzzSupport.check(t, s.bytes(), "corpus file " + t.name() + "/" + s.name());
                    if (s.name().startsWith("ok-")) assertEquals(FuzzSupport.Outcome.PARSED, o, s.name());
                    else assertEquals(FuzzSupport.Outcome.FORMAT_ERROR, o, s.name());
                }));
            }
        }
        return tests;
    }
}
