package org.softglass.cli.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.softglass.core.energy.Models;
import org.softglass.core.io.FileTree;
import org.softglass.core.io.Frame;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.minimize.ParallelQuench;
import org.softglass.core.parallel.CoreLatency;
import org.softglass.core.simulate.RunSpec;
import org.softglass.core.simulate.Simulation;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.core.trsp.TrspDynamics;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.TrspPresets;

/**
 * The rates of {@code softglass pipeline --preset P --estimate} ({@link PipelineEstimate}), measured on this
 * machine, now, with the run's thread count, on a few items of each expensive kind, without running the study.
 *
 * <p><b>Measured</b> by {@link #measure} (in a temporary directory, deleted afterwards; ≈ 30 s at N = 1000, a few minutes at N = 10 000):
 * <ul>
 *   <li>MD: production atom-steps per second of KA NVT at the preset's N and lowest T, after a
 *       1000-step melt ({@value #MD_STEPS} production steps, the pipeline's integrator and list settings), with
 *       the inter-core round trip ({@link CoreLatency}) measured just before it when threads &gt; 1, because
 *       a multi-thread MD rate depends on it;</li>
 *   <li>inherent structures: seconds per frame of the preset's quench ({@link ParallelQuench},
 *       one frame per thread) on the last {@code 2·threads} frames of that MD, after {@code threads}
 *       untimed frames that warm the JIT compiler up (the first calls run before the kernels are compiled),
 *       on {@code threads} free cores: process CPU seconds / threads ({@link ItemRate}; the wall time and the
 *       load average are printed beside it);</li>
 *   <li>softness: the same for the preset's descriptors of the A centres of those frames, after the same
 *       {@code threads} untimed frames (thermal frames here, inherent structures in the study: the same
 *       density and neighbour counts; the softness stage computes them for every frame, and applying
 *       the SVM is a dot product);</li>
 *   <li>TRSP: events per second of one lattice trajectory on one thread (ka-002 parameters at the lowest
 *       T, the preset's L, kick tolerance 1e-2 as {@code trsp run}).</li>
 * </ul>
 *
 * @param threads the thread count the rates were measured with
 * @param mdAtomStepsPerSecond MD production atom-steps per second
 * @param quench the inherent-structure quench's rate per frame ({@link ItemRate#secondsPerItem()} is projected)
 * @param descriptors the softness descriptors' rate per frame (the same)
 * @param trspEventsPerSecond TRSP events per second on one thread
 * @param coreRoundTripNanos the inter-core round trip ({@link CoreLatency}) measured just before the MD, in ns; NaN
 *     with one thread. A multi-thread MD rate depends on it: on a 2-vCPU VM whose host places the vCPUs far apart
 *     (round trip ≈ 400–650 ns instead of ≈ 50–80) 2-thread MD runs ≈ 40 % slower (bench/RESULTS.md)
 */
record PipelineRates(int threads, double mdAtomStepsPerSecond, ItemRate quench, ItemRate descriptors,
                     double trspEventsPerSecond, double coreRoundTripNanos) {
    /** Rates given as round numbers (tests): the quench and descriptors at these seconds per frame on free cores, no round trip. */
    PipelineRates(int threads, double mdAtomStepsPerSecond, double quenchSecondsPerFrame, double descriptorSecondsPerFrame,
                  double trspEventsPerSecond) {
        this(threads, mdAtomStepsPerSecond, ItemRate.of(quenchSecondsPerFrame, threads), ItemRate.of(descriptorSecondsPerFrame, threads),
                trspEventsPerSecond, Double.NaN);
    }

    /** Round trips per round, and rounds, of the inter-core measurement (≈ 0.05–0.4 s in all). */
    static final int ROUND_TRIP_TRIPS = 200_000, ROUND_TRIP_ROUNDS = 3;

    /** Seconds per inherent-structure frame on {@code threads} free cores (the projected figure). */
    double quenchSecondsPerFrame() { return quench.secondsPerItem(); }

    /** Seconds per softness-descriptor frame on {@code threads} free cores (the projected figure). */
    double descriptorSecondsPerFrame() { return descriptors.secondsPerItem(); }

    /** Production steps of the MD rate measurement (after a 1000-step melt that also warms the JIT up). */
    static final long MD_STEPS = 4000;
    /** Events of the TRSP rate measurement (after as many warm-up events). */
    static final long TRSP_EVENTS = 4000;

    /** Measures the rates (see class comment) in {@code scratch}, which is deleted afterwards. */
    static PipelineRates measure(PipelinePreset p, int threads, Path scratch) throws IOException {
        try {
            double tLow = Double.MAX_VALUE;
            for (double t : p.temperatures()) tLow = Math.min(tLow, t);
            RunSpec spec = new RunSpec("ka", p.n(), 1.2, tLow, p.dt(), MD_STEPS, "nvt", 0.5, 1, 2.0, 1000, 0, MD_STEPS / 20, MD_STEPS / 20,
                    1_000_000, 0.3, false, 0.8, null);
            double roundTrip = roundTrip(threads);
            Simulation.Result md = Simulation.run(spec, scratch.resolve("md"), threads, x -> {});
            double mdRate = md.productionStepsRun() * (double) p.n() / md.productionSeconds();

            // the last 3·threads frames: the first `threads` of them warm the JIT up (untimed), the last 2·threads are timed
            List<Frame> all = lastFrames(scratch.resolve("md").resolve("traj.dump"), 3 * threads);
            List<Frame> warm = all.subList(0, Math.min(threads, all.size() - 1)), frames = all.subList(warm.size(), all.size());
            double events;
            ItemRate quench, descriptors;
            try (ParallelQuench<Frame> q = new ParallelQuench<>(Models.ka(), p.inherentQuench().options(), threads, (f, e, r) -> {});
                 DescriptorCalculator calc = new DescriptorCalculator(DescriptorSpec.preset(p.features()), threads)) {
                quenchAll(q, warm);
                quench = ItemRate.time(threads, warm.size(), frames.size(), () -> quenchAll(q, frames));
                for (Frame f : warm) calc.compute(f, DescriptorCalculator.centres(f.particles(), 0));
                descriptors = ItemRate.time(threads, warm.size(), frames.size(), () -> {
                    for (Frame f : frames) calc.compute(f, DescriptorCalculator.centres(f.particles(), 0));
                });
            } finally {
                all.forEach(Frame::close);
            }
            TrspModel model = TrspModel.of(TrspPresets.ka002(), tLow, p.trspSide(), 4, 1.0);
            var kicks = TrspEnsemble.kicks(model, 1e-2);
            double[] s = new double[model.lattice().sites()];
            model.covariance().sample(model.mu(), new SplittableRandom(1), s);
            TrspDynamics d = new TrspDynamics(model, kicks, s, 2);
            TrspDynamics.Observer none = new TrspDynamics.Observer() {};
            d.runEvents(TRSP_EVENTS, none);
            long e0 = System.nanoTime();
            d.runEvents(TRSP_EVENTS, none);
            events = TRSP_EVENTS / ((System.nanoTime() - e0) * 1e-9);
            return new PipelineRates(threads, mdRate, quench, descriptors, events, roundTrip);
        } finally {
            FileTree.delete(scratch);
        }
    }

    /** The inter-core round trip in ns before a multi-thread MD run; NaN with one thread (or if interrupted). */
    private static double roundTrip(int threads) {
        if (threads < 2) return Double.NaN;
        try {
            return CoreLatency.roundTripNanos(ROUND_TRIP_TRIPS, ROUND_TRIP_ROUNDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Quenches a copy of every frame (the copies are freed; the frames stay for the descriptors) and waits for all. */
    private static void quenchAll(ParallelQuench<Frame> q, List<Frame> frames) throws IOException {
        for (Frame f : frames) {
            Frame c = copyOf(f);
            q.submit(c, c.particles(), c.box());
        }
        q.flush();
    }

    /**
     * A frame that owns a copy of {@code f}'s particles: what {@link ParallelQuench} minimises and frees.
     * The box and timestep are {@code f}'s.
     */
    private static Frame copyOf(Frame f) {
        return Frame.of(f.timestep(), f.box(), f.particles().copy());
    }

    /** The last {@code k} frames of a dump (read in one pass, keeping at most k open). */
    private static List<Frame> lastFrames(Path dump, int k) throws IOException {
        java.util.ArrayDeque<Frame> keep = new java.util.ArrayDeque<>();
        try (TrajectoryReader r = TrajectoryReader.open(dump)) {
            for (Frame f; (f = r.next()) != null; ) {
                keep.addLast(f);
                if (keep.size() > k) keep.removeFirst().close();
            }
        }
        return new ArrayList<>(keep);
    }

}
