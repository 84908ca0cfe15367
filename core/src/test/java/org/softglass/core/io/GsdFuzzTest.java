package org.softglass.core.io;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.softglass.core.io.FuzzSupport.FuzzInput;

/**
 * Fuzzing of {@link GsdReader} (through {@link TrajectoryReader#open}, as the commands read it). Property (see
 * {@link FuzzSupport}): any input parses to valid frames or gives a one-line {@code InputFormatException}
 * naming the file, within bounded time; sizes in the header and index are checked against the file's
 * length before anything is allocated. Deterministic (fixed seed); see fuzz-corpus/README.md.
 */
class GsdFuzzTest {
    @Property(seed = FuzzSupport.SEED)
    void mutated_gsd(@ForAll("mutations_gsd") FuzzInput in) {
        Statistics.label("gsd").collect(FuzzSupport.withinBudget("GsdFuzzTest.mutated_gsd")
                ? FuzzSupport.check(FuzzTargets.GSD, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> mutations_gsd() { return FuzzSupport.mutations(FuzzTargets.GSD); }

    @Property(seed = FuzzSupport.SEED)
    void random_gsd(@ForAll("randomBytes_gsd") FuzzInput in) {
        Statistics.label("gsd").collect(FuzzSupport.withinBudget("GsdFuzzTest.random_gsd")
                ? FuzzSupport.check(FuzzTargets.GSD, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> randomBytes_gsd() { return FuzzSupport.randomBytes(FuzzTargets.GSD); }
}
