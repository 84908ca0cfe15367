package org.softglass.core.io;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Disabled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.softglass.core.io.FuzzSupport.FuzzInput;

/**
 * Fuzzing of {@link LammpsDumpReader} (plain and gzip). Property (see {@link FuzzSupport}): any input parses to a valid result or gives a
 * one-line {@code InputFormatException} naming the file, within bounded time. Deterministic
 * (fixed seed), bounded by tries and a per-property time budget; see fuzz-corpus/README.md.
 */
class LammpsDumpFuzzTest {
    @Property(seed = FuzzSupport.SEED)
    void mutated_dump(@ForAll("mutations_dump") FuzzInput in) {
        Statistics.label("dump").collect(FuzzSupport.withinBudget("LammpsDumpFuzzTest.mutated_dump")
                ? FuzzSupport.check(FuzzTargets.LAMMPS_DUMP, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> mutations_dump() { return FuzzSupport.mutations(FuzzTargets.LAMMPS_DUMP); }

    @Property(seed = FuzzSupport.SEED)
    void random_dump(@ForAll("randomBytes_dump") FuzzInput in) {
        Statistics.label("dump").collect(FuzzSupport.withinBudget("LammpsDumpFuzzTest.random_dump")
                ? FuzzSupport.check(FuzzTargets.LAMMPS_DUMP, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> randomBytes_dump() { return FuzzSupport.randomBytes(FuzzTargets.LAMMPS_DUMP); }

    // The reader allocates its particle store from the header's atom count before reading a single
    // row, so a 300-byte file that says 2000000000 atoms ends in an OutOfMemoryError (or in
    // gigabytes zeroed), not an InputFormatException. The header-size checks of issue 20 (another
    // change) fix that; enable this property when they land.
    @Disabled("pending the header-size checks of issue 20: the reader allocates from the header count")
    @Property(seed = FuzzSupport.SEED)
    void hugeHeaderCount_dump(@ForAll("hugeCounts_dump") FuzzInput in) {
        Statistics.label("dump").collect(FuzzSupport.withinBudget("LammpsDumpFuzzTest.hugeHeaderCount_dump")
                ? FuzzSupport.check(FuzzTargets.LAMMPS_DUMP, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> hugeCounts_dump() { return FuzzSupport.hugeCounts(FuzzTargets.LAMMPS_DUMP); }
}
