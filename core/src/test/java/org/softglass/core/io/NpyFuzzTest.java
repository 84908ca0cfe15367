package org.softglass.core.io;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.softglass.core.io.FuzzSupport.FuzzInput;

/**
 * Fuzzing of {@link NpyReader}. Property (see {@link FuzzSupport}): any input parses to a valid result or gives a
 * one-line {@code InputFormatException} naming the file, within bounded time. Deterministic
 * (fixed seed), bounded by tries and a per-property time budget; see fuzz-corpus/README.md.
 */
class NpyFuzzTest {
    @Property(seed = FuzzSupport.SEED)
    void mutated_npy(@ForAll("mutations_npy") FuzzInput in) {
        Statistics.label("npy").collect(FuzzSupport.withinBudget("NpyFuzzTest.mutated_npy")
                ? FuzzSupport.check(FuzzTargets.NPY, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> mutations_npy() { return FuzzSupport.mutations(FuzzTargets.NPY); }

    @Property(seed = FuzzSupport.SEED)
    void random_npy(@ForAll("randomBytes_npy") FuzzInput in) {
        Statistics.label("npy").collect(FuzzSupport.withinBudget("NpyFuzzTest.random_npy")
                ? FuzzSupport.check(FuzzTargets.NPY, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> randomBytes_npy() { return FuzzSupport.randomBytes(FuzzTargets.NPY); }

    // npy shapes such as (2000000000,) must be refused from the file length, before any allocation.
    @Property(seed = FuzzSupport.SEED)
    void hugeHeaderCount_npy(@ForAll("hugeCounts_npy") FuzzInput in) {
        Statistics.label("npy").collect(FuzzSupport.withinBudget("NpyFuzzTest.hugeHeaderCount_npy")
                ? FuzzSupport.check(FuzzTargets.NPY, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> hugeCounts_npy() { return FuzzSupport.hugeCounts(FuzzTargets.NPY); }
}
