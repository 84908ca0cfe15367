package org.softglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.softglass.core.util.InvalidParameter;
import org.softglass.core.util.Refusal;

/** {@link OptionNames}: core parameter names written as this CLI's options, in the messages {@link Errors} prints. */
class OptionNamesTest {
    @Test
    void parametersAreWrittenAsOptions() {
        assertEquals("--dt", OptionNames.of("dt"));
        assertEquals("--tau-c", OptionNames.of("tauC"));
        assertEquals("--melt-temperature", OptionNames.of("meltTemperature"));
        assertEquals("--fraction-a", OptionNames.of("fractionA"));
        assertEquals("--tr", OptionNames.of("tR"));
        assertEquals("--ti", OptionNames.of("tInitial"));
        assertEquals("--tw-max must be > --tw-min, got 1.0 <= 2.0", OptionNames.message(new InvalidParameter("{twMax} must be > {twMin}, got 1.0 <= 2.0")));
        assertEquals("too few events; lower --min-events", Errors.classify(new Refusal("too few events; lower {minEvents}"), java.util.List.of()).message());
        assertEquals(ExitCodes.USAGE, Errors.classify(new InvalidParameter("{dt} must be > 0"), java.util.List.of()).code());
        assertEquals("plain {T=1} text", OptionNames.message(new IllegalArgumentException("plain {T=1} text")));
    }
}
