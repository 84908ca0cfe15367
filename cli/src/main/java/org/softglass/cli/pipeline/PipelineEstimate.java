package org.softglass.cli.pipeline;

import java.util.List;
import java.util.Locale;
import org.softglass.core.parallel.Parallel;

/**
 * {@code softglass pipeline --preset P --estimate}: the preset's wall time on this machine, projected
 * from rates measured here, now, with the run's thread count, on a few items of each expensive kind,
 * without running the study (issue 16 item 4). This class owns the projection and the printed tables;
 * the measurement is {@link PipelineRates#measure}'s.
 *
 * <p><b>Projected</b> per stage, with F_T = production/dumpEvery + 1 frames at temperature T:
 * <pre>
 *   simulate  = Σ_T [ (melt + equilibrate_T + production_T) · N / (MD rate)  +  F_T · (s per IS frame) ]
 *   softness  = Σ_T F_T · (s per descriptor frame)
 *   trsp      = |T| · trajectories · events / (events/s per thread · min(threads, trajectories))
 * </pre>
 * The quench and descriptor rates are seconds per frame on {@code threads} free cores (process CPU time / threads,
 * {@link ItemRate}), so other processes on a shared machine do not inflate them; the MD and TRSP rates are wall rates
 * (the MD's parallel regions are short and join every step, so its CPU time would hide their waits).
 * The simulate figure is an upper bound: the pipeline quenches while the MD goes on. The other stages
 * (p_hop, training, barriers, correlations, trap, observables, report) are not projected; they took
 * 2–5 % of the demo's wall time (bench/RESULTS.md) and grow at most in proportion to the frames.
 */
final class PipelineEstimate {
    /** One stage's projected wall time and how it was obtained. */
    record Stage(String name, double seconds, String basis) {}

    private PipelineEstimate() {}

    /** The projection of each expensive stage (class comment). */
    static List<Stage> project(PipelinePreset p, PipelineRates r) {
        double[] ts = p.temperatures();
        double md = 0, is = 0, soft = 0;
        long frames = 0;
        for (int k = 0; k < ts.length; k++) {
            long f = p.frames(k);
            frames += f;
            md += ((k == 0 ? 2000 : 0) + p.equilibrate(k) + p.steps(k)) * (double) p.n() / r.mdAtomStepsPerSecond();
            if (p.inherent()) is += f * r.quenchSecondsPerFrame();
            soft += f * r.descriptorSecondsPerFrame();
        }
        double trspEvents = (double) ts.length * p.trspTrajectories() * p.trspEvents();
        double trsp = trspEvents / (r.trspEventsPerSecond() * Math.min(r.threads(), p.trspTrajectories()));
        return List.of(
                new Stage("simulate", md + is, String.format(Locale.ROOT, "MD %.0f s (%.3g atom-steps/s) + %d IS frames × %.3f s = %.0f s",
                        md, r.mdAtomStepsPerSecond(), p.inherent() ? frames : 0, r.quenchSecondsPerFrame(), is)),
                new Stage("softness", soft, String.format(Locale.ROOT, "%d frames × %.3f s (%s, A centres)", frames, r.descriptorSecondsPerFrame(),
                        p.features())),
                new Stage("trsp", trsp, String.format(Locale.ROOT, "%.3g events at %.3g events/s per thread on %d threads", trspEvents,
                        r.trspEventsPerSecond(), Math.min(r.threads(), p.trspTrajectories()))));
    }

    /**
     * The wall time with {@code --executor slurm} on {@code nodes} nodes, each job one item on {@code threads} cores at the
     * rates measured here. The MD chain (every temperature's MD with its inline quench, one after the other, the cooling
     * protocol) is the critical path; the training model needs the chain's training temperatures, so the softness items
     * (one per temperature) start when the chain ends and are spread over the nodes longest first; the TRSP item follows
     * the correlations. Items not projected (p_hop, training, barriers, correlations, trap, observables, report) are left
     * out, as in {@link #project}; p_hop and the observables run beside the chain on other nodes.
     *
     * @return {chain seconds, softness seconds on the nodes, trsp seconds, total}
     */
    static double[] cluster(PipelinePreset p, PipelineRates r, int nodes) {
        double[] ts = p.temperatures();
        double chain = 0;
        double[] soft = new double[ts.length];
        for (int k = 0; k < ts.length; k++) {
            long f = p.frames(k);
            chain += ((k == 0 ? 2000 : 0) + p.equilibrate(k) + p.steps(k)) * (double) p.n() / r.mdAtomStepsPerSecond()
                    + (p.inherent() ? f * r.quenchSecondsPerFrame() : 0);
            soft[k] = f * r.descriptorSecondsPerFrame();
        }
        double softness = spread(soft, nodes);
        double trsp = project(p, r).get(2).seconds();
        return new double[] {chain, softness, trsp, chain + softness + trsp};
    }

    /** The wall time of independent items ({@code seconds} each) on {@code nodes} nodes, longest first onto the least loaded. */
    static double spread(double[] seconds, int nodes) {
        double[] items = seconds.clone();
        java.util.Arrays.sort(items);
        double[] load = new double[Math.max(1, nodes)];
        for (int k = items.length - 1; k >= 0; k--) {
            int m = 0;
            for (int i = 1; i < load.length; i++) if (load[i] < load[m]) m = i;
            load[m] += items[k];
        }
        return java.util.Arrays.stream(load).max().orElse(0);
    }

    /**
     * The softness stage with {@code --softness-shards K}, K = nodes, on {@code nodes} nodes: each temperature's frames
     * in K items of ⌊F/K⌋ or ⌈F/K⌉ frames, spread as {@link #spread}.
     */
    static double softnessSharded(PipelinePreset p, PipelineRates r, int nodes) {
        int n = Math.max(1, nodes);
        List<Double> items = new java.util.ArrayList<>();
        for (int k = 0; k < p.temperatures().length; k++) {
            long f = p.frames(k);
            int shards = (int) Math.min(n, f);
            for (int i = 0; i < shards; i++) items.add(((i + 1) * f / shards - i * f / shards) * r.descriptorSecondsPerFrame());
        }
        return spread(items.stream().mapToDouble(Double::doubleValue).toArray(), n);
    }

    /**
     * As {@link #cluster}, with {@code --quench-shards K}, K = nodes: the chain is the MD alone; each temperature's quench
     * runs in K jobs beside the MD of the temperatures below it, so what remains after the chain is the last
     * temperature's quench. While the chain runs, the MD holds one node and the other nodes − 1 quench, so what is left
     * of all the inherent structures after it is spread over the nodes: after the chain comes
     * max(F_last · s per IS / nodes, (every IS − (nodes − 1) · MD chain) / nodes), then the softness items and TRSP as
     * above (on one node: all the work, one item after the other).
     *
     * With {@code softnessShards} the softness items are also split, {@code --softness-shards K} ({@link #softnessSharded}).
     *
     * @return {MD chain seconds, quench seconds after the chain, softness seconds, trsp seconds, total}
     */
    static double[] clusterSharded(PipelinePreset p, PipelineRates r, int nodes, boolean softnessShards) {
        double[] c = cluster(p, r, nodes);
        if (softnessShards) c[1] = softnessSharded(p, r, nodes);
        double[] ts = p.temperatures();
        double md = 0;
        for (int k = 0; k < ts.length; k++) md += ((k == 0 ? 2000 : 0) + p.equilibrate(k) + p.steps(k)) * (double) p.n() / r.mdAtomStepsPerSecond();
        long fLast = p.frames(ts.length - 1), frames = 0;
        for (int k = 0; k < ts.length; k++) frames += p.frames(k);
        int n = Math.max(1, nodes);
        double isAll = p.inherent() ? frames * r.quenchSecondsPerFrame() : 0;
        double after = p.inherent() ? Math.max(fLast * r.quenchSecondsPerFrame() / n, (isAll - (n - 1) * md) / n) : 0;
        return new double[] {md, after, c[1], c[2], md + after + c[1] + c[2]};
    }

    /** The cluster lines of the table, for 1, 2, 4 and 8 nodes and {@code nodes}. */
    static String clusterTable(PipelinePreset p, PipelineRates r, int nodes) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "with --executor slurm, %d cores per job (MD chain + softness spread over the nodes + trsp):%n",
                r.threads()));
        java.util.TreeSet<Integer> ks = new java.util.TreeSet<>(List.of(1, 2, 4, 8));
        ks.add(nodes);
        for (int k : ks) {
            double[] c = cluster(p, r, k);
            b.append(String.format(Locale.ROOT, "  %2d node(s) %8.0f s  (%5.2f h)  chain %.0f s + softness %.0f s + trsp %.0f s%n", k, c[3], c[3] / 3600,
                    c[0], c[1], c[2]));
        }
        if (p.inherent()) {
            for (boolean soft : new boolean[] {false, true}) {
                b.append(soft ? "with --quench-shards K --softness-shards K, K = nodes (each temperature's softness spread over the nodes too):\n"
                        : "with --quench-shards K = nodes (the chain is the MD alone; each temperature's quench beside it):\n");
                for (int k : ks) {
                    double[] c = clusterSharded(p, r, k, soft);
                    b.append(String.format(Locale.ROOT, "  %2d node(s) %8.0f s  (%5.2f h)  MD chain %.0f s + quench after it %.0f s + softness %.0f s + trsp %.0f s%n",
                            k, c[4], c[4] / 3600, c[0], c[1], c[2], c[3]));
                }
            }
        } else {
            b.append("with --softness-shards K = nodes (each temperature's softness spread over the nodes):\n");
            for (int k : ks) {
                double[] c = cluster(p, r, k);
                double soft = softnessSharded(p, r, k);
                b.append(String.format(Locale.ROOT, "  %2d node(s) %8.0f s  (%5.2f h)  chain %.0f s + softness %.0f s + trsp %.0f s%n", k,
                        c[0] + soft + c[2], (c[0] + soft + c[2]) / 3600, c[0], soft, c[2]));
            }
        }
        return b.toString();
    }

    /** The printed table: rates, then one line per stage and the total. */
    static String table(PipelinePreset p, PipelineRates r, List<Stage> stages) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "softglass pipeline --preset %s --estimate: N = %d, %d temperatures, %d threads%n", p.name(), p.n(),
                p.temperatures().length, r.threads()));
        String roundTrip = Double.isNaN(r.coreRoundTripNanos()) ? ""
                : String.format(Locale.ROOT, " (inter-core round trip %.0f ns just before; %d-thread MD slows down when it is high, see bench/RESULTS.md)",
                        r.coreRoundTripNanos(), r.threads());
        b.append(String.format(Locale.ROOT, "measured: MD %.3g atom-steps/s%s; IS quench (%s) %s; descriptors %s; TRSP %.3g events/s per thread%n",
                r.mdAtomStepsPerSecond(), roundTrip, p.inherentQuench().label(), r.quench().describe("frame"), r.descriptors().describe("frame"),
                r.trspEventsPerSecond()));
        int cores = Parallel.availableCores();
        if (r.threads() > cores) {
            b.append(String.format(Locale.ROOT, "note: the quench and descriptor rates are for %d free cores; this machine has %d, so the one-machine "
                    + "figures below are for a machine with %d%n", r.threads(), cores, r.threads()));
        }
        double total = 0;
        for (Stage s : stages) {
            b.append(String.format(Locale.ROOT, "  %-9s %8.0f s  (%5.2f h)  %s%n", s.name(), s.seconds(), s.seconds() / 3600, s.basis()));
            total += s.seconds();
        }
        b.append(String.format(Locale.ROOT, "  %-9s %8.0f s  (%5.2f h)  (other stages not projected: 2-5 %% of the demo's wall time)%n", "total", total,
                total / 3600));
        return b.toString();
    }
}
