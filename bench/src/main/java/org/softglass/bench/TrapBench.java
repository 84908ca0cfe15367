package org.softglass.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.softglass.core.trap.AgingSolver;
import org.softglass.core.trap.Relaxation;
import org.softglass.core.trap.TrapModel;
import org.softglass.core.trap.TrapPresets;

/**
 * The trap-like model (issue 6) on one core, KA preset, scores in ms per call:
 * {@code relaxationCurve}: Q̄ and χ4 at 400 log-spaced times over 12 decades (τ_Q·1e-4 … τ_Q·1e8) at
 * T = 0.47, each Q̄ by adaptive Gauss–Kronrod; {@code relaxationSummary}: τ_Q, τ_½, τ_χ, χ4*, g's and the
 * KWW fit; {@code aging}: the master equation on 2000 bins after a quench 1.0 → 0.47 over 10 decades of
 * t_w (1 … 1e10; 10 outputs and 200 geometric steps per decade: 2500 steps including the start-up).
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrapBench extends SuiteBench {
    TrapModel model;
    double[] times;

    @Setup
    public void setup() {
        model = TrapModel.of(TrapPresets.ka());
        double tauQ = new Relaxation(model, 0.47).timeAt(Math.exp(-1));
        times = org.softglass.core.util.Grids.logSpaced(1e-4 * tauQ, 1e8 * tauQ, 400);
    }

    @Benchmark
    public Relaxation.Curve relaxationCurve() {
        return new Relaxation(model, 0.47).curve(times, 1, false);
    }

    @Benchmark
    public Relaxation.Summary relaxationSummary() {
        return new Relaxation(model, 0.47).summary(1);
    }

    @Benchmark
    public AgingSolver.Result aging() {
        return new AgingSolver(model, 1.0, 0.47, 2000).run(1, 1e10, 10, 20, 0, null, null);
    }
}
