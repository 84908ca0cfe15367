package org.softglass.cli.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.softglass.study.Species;

/** {@link Chi4Summary}: the summary line overlap and persistence print, in the wording they printed before it existed. */
class Chi4SummaryTest {
    @Test
    void lineNamesTheRunTheSpeciesAndTheTimes() {
        assertEquals("persistence: N = 800 (A), p_c = 0.2, tau_Q = 12.35, tau_chi = 40.00, chi4* = 3.142",
                Chi4Summary.line("persistence", 800, Species.A, "p_c = " + 0.2, 12.345678, 40.0, Math.PI));
        assertEquals("overlap: N = 1000 (all), a = 0.3, tau_Q = NaN, tau_chi = 1.000e+05, chi4* = 0.000",
                Chi4Summary.line("overlap", 1000, Species.ALL, "a = " + 0.3, Double.NaN, 1e5, 0.0));
    }
}
