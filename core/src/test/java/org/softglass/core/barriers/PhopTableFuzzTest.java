package org.softglass.core.barriers;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.softglass.core.io.FuzzSupport;
import org.softglass.core.io.FuzzSupport.FuzzInput;
import org.softglass.core.io.FuzzTargets;

/**
 * Fuzzing of {@code phop.json} ({@code softglass.phop/1}, {@link PhopTable#read}). Property (see {@link FuzzSupport}): any input parses to a valid result or gives a
 * one-line {@code InputFormatException} naming the file, within bounded time. Deterministic
 * (fixed seed), bounded by tries and a per-property time budget; see fuzz-corpus/README.md.
 */
class PhopTableFuzzTest {
    @Property(seed = FuzzSupport.SEED)
    void mutated_phop(@ForAll("mutations_phop") FuzzInput in) {
        Statistics.label("phop").collect(FuzzSupport.withinBudget("PhopTableFuzzTest.mutated_phop")
                ? FuzzSupport.check(FuzzTargets.PHOP_JSON, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> mutations_phop() { return FuzzSupport.mutations(FuzzTargets.PHOP_JSON); }

    @Property(seed = FuzzSupport.SEED)
    void random_phop(@ForAll("randomBytes_phop") FuzzInput in) {
        Statistics.label("phop").collect(FuzzSupport.withinBudget("PhopTableFuzzTest.random_phop")
                ? FuzzSupport.check(FuzzTargets.PHOP_JSON, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> randomBytes_phop() { return FuzzSupport.randomBytes(FuzzTargets.PHOP_JSON); }
}
