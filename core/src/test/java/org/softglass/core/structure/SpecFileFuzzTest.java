package org.softglass.core.structure;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.softglass.core.io.FuzzSupport;
import org.softglass.core.io.FuzzSupport.FuzzInput;
import org.softglass.core.io.FuzzTargets;

/**
 * Fuzzing of the descriptor spec files ({@link SpecFile}). Property (see {@link FuzzSupport}): any input parses to a valid result or gives a
 * one-line {@code InputFormatException} naming the file, within bounded time. Deterministic
 * (fixed seed), bounded by tries and a per-property time budget; see fuzz-corpus/README.md.
 */
class SpecFileFuzzTest {
    @Property(seed = FuzzSupport.SEED)
    void mutated_spec(@ForAll("mutations_spec") FuzzInput in) {
        Statistics.label("spec").collect(FuzzSupport.withinBudget("SpecFileFuzzTest.mutated_spec")
                ? FuzzSupport.check(FuzzTargets.SPEC, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> mutations_spec() { return FuzzSupport.mutations(FuzzTargets.SPEC); }

    @Property(seed = FuzzSupport.SEED)
    void random_spec(@ForAll("randomBytes_spec") FuzzInput in) {
        Statistics.label("spec").collect(FuzzSupport.withinBudget("SpecFileFuzzTest.random_spec")
                ? FuzzSupport.check(FuzzTargets.SPEC, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> randomBytes_spec() { return FuzzSupport.randomBytes(FuzzTargets.SPEC); }
}
