package org.softglass.core.softness;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.softglass.core.io.FuzzSupport;
import org.softglass.core.io.FuzzSupport.FuzzInput;
import org.softglass.core.io.FuzzTargets;
import org.softglass.core.structure.FeatureFiles;

/**
 * Fuzzing of {@code softglass.softness-model/1}, {@code softglass.features/1} and {@code samples.csv} ({@link SoftnessModel#read}, {@link FeatureFiles}). Property (see {@link FuzzSupport}): any input parses to a valid result or gives a
 * one-line {@code InputFormatException} naming the file, within bounded time. Deterministic
 * (fixed seed), bounded by tries and a per-property time budget; see fuzz-corpus/README.md.
 */
class SoftnessFilesFuzzTest {
    @Property(seed = FuzzSupport.SEED)
    void mutated_model(@ForAll("mutations_model") FuzzInput in) {
        Statistics.label("model").collect(FuzzSupport.withinBudget("SoftnessFilesFuzzTest.mutated_model")
                ? FuzzSupport.check(FuzzTargets.SOFTNESS_MODEL, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> mutations_model() { return FuzzSupport.mutations(FuzzTargets.SOFTNESS_MODEL); }

    @Property(seed = FuzzSupport.SEED)
    void random_model(@ForAll("randomBytes_model") FuzzInput in) {
        Statistics.label("model").collect(FuzzSupport.withinBudget("SoftnessFilesFuzzTest.random_model")
                ? FuzzSupport.check(FuzzTargets.SOFTNESS_MODEL, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> randomBytes_model() { return FuzzSupport.randomBytes(FuzzTargets.SOFTNESS_MODEL); }

    @Property(seed = FuzzSupport.SEED)
    void mutated_features(@ForAll("mutations_features") FuzzInput in) {
        Statistics.label("features").collect(FuzzSupport.withinBudget("SoftnessFilesFuzzTest.mutated_features")
                ? FuzzSupport.check(FuzzTargets.FEATURES_JSON, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> mutations_features() { return FuzzSupport.mutations(FuzzTargets.FEATURES_JSON); }

    @Property(seed = FuzzSupport.SEED)
    void random_features(@ForAll("randomBytes_features") FuzzInput in) {
        Statistics.label("features").collect(FuzzSupport.withinBudget("SoftnessFilesFuzzTest.random_features")
                ? FuzzSupport.check(FuzzTargets.FEATURES_JSON, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> randomBytes_features() { return FuzzSupport.randomBytes(FuzzTargets.FEATURES_JSON); }

    @Property(seed = FuzzSupport.SEED)
    void mutated_samples(@ForAll("mutations_samples") FuzzInput in) {
        Statistics.label("samples").collect(FuzzSupport.withinBudget("SoftnessFilesFuzzTest.mutated_samples")
                ? FuzzSupport.check(FuzzTargets.SAMPLES_CSV, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> mutations_samples() { return FuzzSupport.mutations(FuzzTargets.SAMPLES_CSV); }

    @Property(seed = FuzzSupport.SEED)
    void random_samples(@ForAll("randomBytes_samples") FuzzInput in) {
        Statistics.label("samples").collect(FuzzSupport.withinBudget("SoftnessFilesFuzzTest.random_samples")
                ? FuzzSupport.check(FuzzTargets.SAMPLES_CSV, in) : FuzzSupport.Outcome.SKIPPED);
    }

    @Provide
    Arbitrary<FuzzInput> randomBytes_samples() { return FuzzSupport.randomBytes(FuzzTargets.SAMPLES_CSV); }
}
