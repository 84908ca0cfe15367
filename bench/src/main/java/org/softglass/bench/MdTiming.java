package org.softglass.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.softglass.core.energy.Models;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.simulate.InitialState;
import org.softglass.core.simulate.MdSystem;
import org.softglass.core.simulate.NoseHooverChain;
import org.softglass.core.space.Box;

/**
 * Where an MD step of the Kob–Andersen benchmark spends its time, in CPU time (less disturbed than wall
 * time on a shared machine): the protocol of {@code bench/compare-lammps.sh} (N particles at ρ = 1.2,
 * random start, overlap removal, {@code melt} steps of Nosé–Hoover NVT at T = 2.0, {@code equil} at
 * T = 0.6, dt 0.005, Tdamp 0.5, skin 0.3), then {@code steps} production steps timed in wall and in
 * process CPU time (all threads, JIT and GC included), then the split: {@code reps} force evaluations at
 * the final positions (list valid: the displacement check and the force loop, {@link MdSystem#computeForces})
 * and {@code reps} forced list builds, each timed in process CPU time. "other" is the step's CPU time
 * less the forces and the builds' share (builds × cost / steps): the integrator passes and thermostat.
 *
 * <p>Usage: {@code bin/softglass --java bench/src/main/java/org/softglass/bench/MdTiming.java
 * [threads 1] [n 10000] [melt 300] [equil 300] [steps 2000] [reps 200]} (a single source file: it also runs
 * against an older softglass jar, {@code java --add-modules jdk.incubator.vector -cp OLD.jar MdTiming.java}).
 * Prints one line of {@code key=value} fields.
 */
public final class MdTiming {
    private MdTiming() {}

    public static void main(String[] args) {
        int threads = arg(args, 0, 1), n = arg(args, 1, 10_000), melt = arg(args, 2, 300), equil = arg(args, 3, 300);
        int steps = arg(args, 4, 2000), reps = arg(args, 5, 200);
        Box box = Box.cubicForDensity(n, 1.2);
        ParticleStore p = InitialState.random(n, box, new double[] {0.8, 0.2}, 1);
        try (MdSystem sys = new MdSystem(p, box, Models.ka(), MdSystem.DEFAULT_SKIN, threads)) {
            InitialState.removeOverlaps(sys, 50.0, 0.05, 10_000);
            InitialState.velocities(p, 2.0, 4);
            sys.rebuildAndComputeForces();
            NoseHooverChain nvt = new NoseHooverChain(0.005, 2.0, 0.5);
            nvt.setup(sys);
            long step = 0;
            for (int s = 0; s < melt; s++) nvt.step(sys, step++);
            nvt.setTarget(0.6);
            for (int s = 0; s < equil; s++) nvt.step(sys, step++);

            long b0 = sys.listBuilds(), c0 = cpu(), w0 = System.nanoTime();
            for (int s = 0; s < steps; s++) nvt.step(sys, step++);
            long c1 = cpu(), w1 = System.nanoTime(), builds = sys.listBuilds() - b0;
            double stepCpu = (c1 - c0) * 1e-9 / steps, stepWall = (w1 - w0) * 1e-9 / steps;

            long f0 = cpu();
            for (int r = 0; r < reps; r++) sys.computeForces();
            double forces = (cpu() - f0) * 1e-9 / reps;
            long l0 = cpu();
            for (int r = 0; r < reps; r++) sys.verletList().forceRebuild(p);
            double build = (cpu() - l0) * 1e-9 / reps;
            double buildShare = build * builds / steps, other = stepCpu - forces - buildShare;
            System.out.printf(Locale.ROOT,
                    "threads=%d n=%d steps=%d builds=%d atom_steps_per_wall_s=%.4g atom_steps_per_cpu_s=%.4g step_cpu_ms=%.4f"
                            + " forces_ms=%.4f (%.0f%%) build_ms=%.4f x %.4f/step (%.0f%%) other_ms=%.4f (%.0f%%) T=%.4f entries=%d load1=%s%n",
                    threads, n, steps, builds, n / stepWall, n / stepCpu, 1e3 * stepCpu, 1e3 * forces, 100 * forces / stepCpu,
                    1e3 * build, (double) builds / steps, 100 * buildShare / stepCpu, 1e3 * other, 100 * other / stepCpu,
                    sys.temperature(), sys.verletList().list().entries(), loadAverage());
        }
    }

    private static int arg(String[] a, int k, int def) { return a.length > k ? Integer.parseInt(a[k]) : def; }

    /** CPU time of the whole process (ns): every thread, including the JIT compiler and the collector. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
