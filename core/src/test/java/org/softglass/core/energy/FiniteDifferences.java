package org.softglass.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Central-difference checks of one pair's force and force derivative (shared by the pair-model tests). */
final class FiniteDifferences {
    private FiniteDifferences() {}

    /** The two-species pair-only presets the derivative checks run on: KA (LJ), SS (harmonic), IPL. */
    static final List<PairPotential> PAIR_PRESETS = List.of(Models.ka(), Models.ss(), Models.ipl());

    /** A check of one ordered species pair (a, b) of a preset, with the pair's cutoff r_c (σ_AA). */
    @FunctionalInterface
    interface PairCheck {
        void check(PairPotential p, int a, int b, double rc);
    }

    /** Runs {@code c} for every preset of {@link #PAIR_PRESETS} and each of its four ordered species pairs. */
    static void forEachPresetPair(PairCheck c) {
        for (PairPotential p : PAIR_PRESETS) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) c.check(p, a, b, p.cutoff(a, b));
            }
        }
    }

    /** −U'(r) from {@code forceOverR·r} equals {@code −[U(r+h) − U(r−h)]/(2h)} to 1e-6·max(1, |F|). */
    static void checkForce(PairPotential p, int a, int b, double r, double h) {
        double fd = -(p.energy(a, b, (r + h) * (r + h)) - p.energy(a, b, (r - h) * (r - h))) / (2 * h);
        double f = p.forceOverR(a, b, r * r) * r;
        assertEquals(fd, f, 1e-6 * Math.max(1, Math.abs(f)), () -> p.name() + " pair " + a + b + " force at r=" + r);
    }

    /** f' = d(−U'/r)/d(r²) equals the central difference of −U'/r in s = r² (step h) to 1e-6·max(1, |f'|). */
    static void checkForceDerivative(PairPotential p, int a, int b, double r, double h) {
        double s = r * r;
        double fd = (p.forceOverR(a, b, s + h) - p.forceOverR(a, b, s - h)) / (2 * h);
        double d = p.forceOverRDerivative(a, b, s);
        assertEquals(fd, d, 1e-6 * Math.max(1, Math.abs(d)), () -> p.name() + " pair " + a + b + " f' at r=" + r);
    }
}
