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

    // A header's atom count is checked against the file's length and memory before anything is
    // allocated (TextInput.checkRowCount): a 300-byte file that says 2000000000 atoms is an input error.
    @Property(seed = FuzzSupport.SEED)
    void hugeHeaderCount_xyz(@ForAll("hugeCounts_xyz") FuzzInput in) {
        Statistics.label("xyz").collect(FuzzSupport.withinBudget("ExtendedXyzFuzzTest.hugeHeaderCount_xyz")
                ? FuzzSupport.check(FuzzTargets.EXTXYZ, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> hugeCounts_xyz() { return FuzzSupport.hugeCounts(FuzzTargets.EXTXYZ); }
}
