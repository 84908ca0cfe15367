package org.softglass.core.params;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.softglass.core.io.FuzzSupport;
import org.softglass.core.io.FuzzSupport.FuzzInput;
import org.softglass.core.io.FuzzTargets;

/**
 * Fuzzing of {@code softglass.model-parameters/1} ({@link ModelParameters#read}). Property (see {@link FuzzSupport}): any input parses to a valid result or gives a
 * one-line {@code InputFormatException} naming the file, within bounded time. Deterministic
 * (fixed seed), bounded by tries and a per-property time budget; see fuzz-corpus/README.md.
 */
class ModelParametersFuzzTest {
    @Property(seed = FuzzSupport.SEED)
    void mutated_params(@ForAll("mutations_params") FuzzInput in) {
        Statistics.label("params").collect(FuzzSupport.withinBudget("ModelParametersFuzzTest.mutated_params")
                ? FuzzSupport.check(FuzzTargets.MODEL_PARAMETERS, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> mutations_params() { return FuzzSupport.mutations(FuzzTargets.MODEL_PARAMETERS); }

    @Property(seed = FuzzSupport.SEED)
    void random_params(@ForAll("randomBytes_params") FuzzInput in) {
        Statistics.label("params").collect(FuzzSupport.withinBudget("ModelParametersFuzzTest.random_params")
                ? FuzzSupport.check(FuzzTargets.MODEL_PARAMETERS, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> randomBytes_params() { return FuzzSupport.randomBytes(FuzzTargets.MODEL_PARAMETERS); }
}
