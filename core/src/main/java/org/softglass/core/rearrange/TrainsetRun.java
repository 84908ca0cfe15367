package org.softglass.core.rearrange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.parallel.Parallel;

/**
 * A whole training-set run (DESIGN §4) into one directory:
 * <ol>
 *   <li>p_hop of the trajectory → {@code phop.npy}, {@code phop.json} ({@link PhopRun}, {@link PhopFiles}),
 *       or read from an earlier p_hop directory.</li>
 *   <li>Candidates, read back from those files. {@link Mode#SOFTNESS}: rearranging = events
 *       (p_L opens) with p* &gt; p_c, structure at t_start − lead ({@link Labels#rearranging}); stable =
 *       p_hop &lt; p_l for τ_c, structure at the middle ({@link StableIntervals}). {@link Mode#TAILS}: the
 *       extreme fraction q of the p_hop distribution on each side, structure at t − lead
 *       ({@link TailSelector}). {@link Mode#IMMOBILE_RANDOM}: the low tail as label 0, and as many particles drawn at
 *       random among p_hop &gt; p_l as label 1 ({@link RandomAboveSelector}).</li>
 *   <li>Balanced seeded sampling ({@link Labels#balanced}).</li>
 *   <li>Features of each sample on its structure frame, one pass → {@code samples.csv},
 *       {@code samples_features.npy}, {@code features.json} ({@link TrainsetWriter}).</li>
 * </ol>
 * Durations (τ) become frames by {@link Frames#count} (nearest whole frame).
 */
public final class TrainsetRun {
    private TrainsetRun() {}

    /**
     * Which labels: softness (rearranging vs stable), fluidity (extreme tails), or the control of {@code 003}
     * Appendix 2 (Fig. 8): label 0 the immobile low tail, label 1 as many particles drawn at random among those with
     * p_hop above the tail's cut p_l ({@link RandomAboveSelector}).
     */
    public enum Mode { SOFTNESS, TAILS, IMMOBILE_RANDOM }

    /**
     * Settings.
     *
     * @param mode label rule
     * @param tR p_hop window (τ); @param dt MD timestep (τ)
     * @param pL event threshold p_L (σ²); @param pc rearranging threshold on p* (σ²)
     * @param pStable stable threshold p_l (σ²); @param tauC stable duration τ_c (τ), SOFTNESS only
     * @param lead structure time before t_start (SOFTNESS) or before t (TAILS), τ (2 in the papers)
     * @param tailFraction q per tail (TAILS)
     * @param seed sampling seed; @param maxPerLabel cap per label (≤ 0: none)
     * @param species "A", "B", "all" or a type: which particles give samples
     */
    public record Spec(Mode mode, double tR, double dt, double pL, double pc, double pStable, double tauC, double lead,
                       double tailFraction, long seed, int maxPerLabel, String species) {}

    /** Counts for the manifest. */
    public record Summary(PhopRun.Result phop, int candidates1, int candidates0, int skippedBeforeStart, int rows,
                          int leadFrames, Map<String, Object> extra, TrainsetWriter.Result written) {}

    /**
     * @param phopProgress called with frames read during the p_hop pass
     * @param featureProgress called with frames read during the feature pass
     * @throws IllegalStateException if either label has no candidates
     */
    public static Summary run(Path trajectory, Spec s, FeatureSource features, Path dir, Parallel par,
                              IntConsumer phopProgress, IntConsumer featureProgress) throws IOException {
        return run(trajectory, null, s, features, dir, par, phopProgress, featureProgress);
    }

    /**
     * Like {@link #run(Path, Spec, FeatureSource, Path, Parallel, IntConsumer, IntConsumer)}, but with
     * p_hop read from {@code phopDir} (written earlier by a p_hop run of the same trajectory) instead of
     * computed; {@code s.tR()} is then ignored (the directory's window is used) and no p_hop files are
     * written into {@code dir}. A null {@code phopDir} computes p_hop into {@code dir}. The directory
     * must record the SHA-256 of {@code trajectory} itself ({@link PhopFiles#requireFrom}): p_hop of
     * another trajectory with the same frames and particles (e.g. the thermal trajectory of an
     * inherent-structure one) is refused before any file is written.
     *
     * @throws org.softglass.core.io.InputFormatException if {@code phopDir} was not computed from {@code trajectory}
     */
    public static Summary run(Path trajectory, Path phopDir, Spec s, FeatureSource features, Path dir, Parallel par,
                              IntConsumer phopProgress, IntConsumer featureProgress) throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>();
        PhopRun.Result res;
        Path source = phopDir == null ? dir : phopDir;
        TrajectoryRef ref;
        if (phopDir == null) {
            PhopFiles.Writer w = PhopFiles.writer(dir);
            try {
                res = PhopRun.run(trajectory, s.tR(), s.dt(), par, w, phopProgress);
            } catch (IOException | RuntimeException e) {
                w.abort();
                throw e;
            }
            ref = res.header().trajectory();
        } else {
            ref = TrajectoryRef.of(trajectory);
            PhopFiles.requireFrom(phopDir, ref);
            res = PhopFiles.replay(phopDir, new PhopSink() { // header, frame count and timesteps only
                @Override public void start(PhopHeader header) {}
                @Override public void row(int frame, long timestep, double time, double[] phop) {}
                @Override public void finish(int frames) {}
            });
        }
        PhopHeader h = res.header();
        double spacing = h.frameSpacing();
        boolean[] mask = Labels.speciesMask(h.types(), s.species());
        int lead = Frames.count(s.lead(), spacing, 0, "{lead}");
        int[] skipped = new int[2];
        SampleList ones, zeros;
        if (s.mode() == Mode.SOFTNESS) {
            int k = Frames.count(s.tauC(), spacing, 1, "{tauC}");
            extra.put("tau_c_frames", k);
            EventDetector ev = new EventDetector(s.pL());
            StableIntervals st = new StableIntervals(s.pStable(), k, mask);
            PhopFiles.replay(source, PhopSink.tee(ev, st));
            extra.put("events", ev.events().size());
            ones = Labels.rearranging(ev.events(), s.pc(), lead, mask, skipped);
            zeros = st.samples();
        } else if (s.mode() == Mode.IMMOBILE_RANDOM) {
            TailSelector sel = tails(source, s.tailFraction(), res.frames() - 2 * h.halfWindow(), mask, extra);
            SampleList low = sel.samples(lead, skipped);
            zeros = new SampleList();
            for (int i = 0; i < low.size(); i++) if (low.label(i) == 0) zeros.add(low, i);
            skipped[1] = 0;   // the high tail is not used here
            // a second pass draws the random class among p_hop > p_l; its own generator (seed ^ golden ratio), so the
            // balanced draw that follows with the same seed is not correlated with it
            RandomAboveSelector rand = new RandomAboveSelector(zeros.size() == 0 ? 1 : zeros.size(), sel.lowerCut(), lead, mask,
                    s.seed() ^ 0x9E3779B97F4A7C15L);
            PhopFiles.replay(source, rand);
            ones = rand.samples();
            extra.put("p_lower_cut", sel.lowerCut());
            extra.put("random_eligible", rand.eligible());
        } else {
            TailSelector sel = tails(source, s.tailFraction(), res.frames() - 2 * h.halfWindow(), mask, extra);
            SampleList both = sel.samples(lead, skipped);
            ones = new SampleList();
            zeros = new SampleList();
            for (int i = 0; i < both.size(); i++) (both.label(i) == 1 ? ones : zeros).add(both, i);
            extra.put("p_upper_cut", sel.upperCut());
            extra.put("p_lower_cut", sel.lowerCut());
        }
        if (ones.size() == 0 || zeros.size() == 0) {
            throw new IllegalStateException("no balanced training set: " + ones.size() + " label-1 and " + zeros.size()
                    + " label-0 candidates in " + h.source() + " (" + (s.mode() == Mode.SOFTNESS
                    ? "rearranging: p* > " + s.pc() + "; stable: p_hop < " + s.pStable() + " for " + s.tauC() + " τ"
                    : s.mode() == Mode.IMMOBILE_RANDOM ? "immobile tail of fraction " + s.tailFraction() + ", random above its cut"
                    : "tails of fraction " + s.tailFraction()) + ")");
        }
        SampleList chosen = Labels.balanced(ones, zeros, s.seed(), s.maxPerLabel());
        TrainsetWriter.Result written = TrainsetWriter.write(trajectory, ref, s.dt(), h.ids(),
                phopDir == null ? null : res.timesteps(), chosen, features, s.species(), dir, featureProgress);
        return new Summary(res, ones.size(), zeros.size(), skipped[0] + skipped[1], chosen.size(), lead, extra, written);
    }

    /**
     * The tail pass of {@link Mode#TAILS} and {@link Mode#IMMOBILE_RANDOM}: of the p_hop values of the selected
     * particles in the {@code windowFrames} frames where the window fits, the extreme fraction on each side
     * ({@link TailSelector}, one replay of {@code source}); records "phop_values" and "tail_size" in {@code extra}.
     */
    private static TailSelector tails(Path source, double fraction, int windowFrames, boolean[] mask, Map<String, Object> extra) throws IOException {
        long selected = 0;
        for (boolean b : mask) if (b) selected++;
        long values = (long) windowFrames * selected;
        int k = TailSelector.tailSize(fraction, values);
        TailSelector sel = new TailSelector(k, mask);
        PhopFiles.replay(source, sel);
        extra.put("phop_values", values);
        extra.put("tail_size", k);
        return sel;
    }
}
