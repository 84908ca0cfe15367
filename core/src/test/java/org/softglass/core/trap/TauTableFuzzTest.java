package org.softglass.core.trap;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.softglass.core.io.FuzzSupport;
import org.softglass.core.io.FuzzSupport.FuzzInput;
import org.softglass.core.io.FuzzTargets;

/**
 * Fuzzing of the τ(T) CSV tables ({@link TauTable#read}). Property (see {@link FuzzSupport}): any input parses to a valid result or gives a
 * one-line {@code InputFormatException} naming the file, within bounded time. Deterministic
 * (fixed seed), bounded by tries and a per-property time budget; see fuzz-corpus/README.md.
 */
class TauTableFuzzTest {
    @Property(seed = FuzzSupport.SEED)
    void mutated_tau(@ForAll("mutations_tau") FuzzInput in) {
        Statistics.label("tau").collect(FuzzSupport.withinBudget("TauTableFuzzTest.mutated_tau")
                ? FuzzSupport.check(FuzzTargets.TAU_CSV, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> mutations_tau() { return FuzzSupport.mutations(FuzzTargets.TAU_CSV); }

    @Property(seed = FuzzSupport.SEED)
    void random_tau(@ForAll("randomBytes_tau") FuzzInput in) {
        Statistics.label("tau").collect(FuzzSupport.withinBudget("TauTableFuzzTest.random_tau")
                ? FuzzSupport.check(FuzzTargets.TAU_CSV, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> randomBytes_tau() { return FuzzSupport.randomBytes(FuzzTargets.TAU_CSV); }
}
