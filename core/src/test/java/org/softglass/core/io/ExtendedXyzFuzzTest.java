package org.softglass.core.io;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Disabled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.softglass.core.io.FuzzSupport.FuzzInput;

/**
 * Fuzzing of {@link ExtendedXyzReader} (plain and gzip). Property (see {@link FuzzSupport}): any input parses to a valid result or gives a
 * one-line {@code InputFormatException} naming the file, within bounded time. Deterministic
 * (fixed seed), bounded by tries and a per-property time budget; see fuzz-corpus/README.md.
 */
class ExtendedXyzFuzzTest {
    @Property(seed = FuzzSupport.SEED)
    void mutated_xyz(@ForAll("mutations_xyz") FuzzInput in) {
        Statistics.label("xyz").collect(FuzzSupport.withinBudget("ExtendedXyzFuzzTest.mutated_xyz")
                ? FuzzSupport.check(FuzzTargets.EXTXYZ, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> mutations_xyz() { return FuzzSupport.mutations(FuzzTargets.EXTXYZ); }

    @Property(seed = FuzzSupport.SEED)
    void random_xyz(@ForAll("randomBytes_xyz") FuzzInput in) {
        Statistics.label("xyz").collect(FuzzSupport.withinBudget("ExtendedXyzFuzzTest.random_xyz")
                ? FuzzSupport.check(FuzzTargets.EXTXYZ, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> randomBytes_xyz() { return FuzzSupport.randomBytes(FuzzTargets.EXTXYZ); }

    // The reader allocates its particle store from the header's atom count before reading a single
    // row, so a 300-byte file that says 2000000000 atoms ends in an OutOfMemoryError (or in
    // gigabytes zeroed), not an InputFormatException. The header-size checks of issue 20 (another
    // change) fix that; enable this property when they land.
    @Disabled("pending the header-size checks of issue 20: the reader allocates from the header count")
    @Property(seed = FuzzSupport.SEED)
    void hugeHeaderCount_xyz(@ForAll("hugeCounts_xyz") FuzzInput in) {
        Statistics.label("xyz").collect(FuzzSupport.withinBudget("ExtendedXyzFuzzTest.hugeHeaderCount_xyz")
                ? FuzzSupport.check(FuzzTargets.EXTXYZ, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> hugeCounts_xyz() { return FuzzSupport.hugeCounts(FuzzTargets.EXTXYZ); }
}
