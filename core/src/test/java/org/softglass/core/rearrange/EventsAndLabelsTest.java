package org.softglass.core.rearrange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.parallel.Parallel;

/**
 * Events, rearranging / stable labels, tails and balanced sampling on the hand-made trajectory of
 * {@link Trajectories#handMade()} (Δ = 1τ, t_R = 4τ so h = 2; p_hop defined on frames 2 … 22).
 */
class EventsAndLabelsTest {
    @TempDir Path dir;
    private Trajectories.Traj t;
    private Trajectories.Collect rows;
    private EventDetector events;
    private StableIntervals stable;

    @BeforeEach
    void run() throws IOException {
        t = Trajectories.handMade();
        Path traj = Trajectories.write(t, dir.resolve("hand.dump"), LammpsDumpWriter.WRAPPED_IMAGES);
        rows = new Trajectories.Collect();
        events = new EventDetector(0.05);
        stable = new StableIntervals(0.02, 4, null); // τ_c = 4τ: intervals of 5 frames
        try (Parallel par = new Parallel(1)) {
            PhopRun.run(traj, 4.0, 0.005, par, PhopSink.tee(rows, events, stable), f -> {});
        }
    }

    @Test
    void eventsOpenAboveAndCloseBelowTheThreshold() {
        // id 1: unit hop between frames 9|10: p_hop > 0.05 on frames 8..11 (values sqrt(1/27), sqrt(8/27)×2, sqrt(1/27))
        // id 3: hop out between 7|8 (frames 6..9) and back between 13|14 (frames 12..15)
        // id 2 vibrates (p_hop ≈ 1e-4), id 4 drifts (p_hop = 14·0.05²/3 ≈ 0.0117), id 5 still: no events
        List<Event> ev = events.events();
        assertEquals(3, ev.size());
        Event a = ev.get(0), b = ev.get(1), c = ev.get(2);
        assertEquals(List.of(1L, 3L, 3L), List.of(a.id(), b.id(), c.id()));
        assertEquals(8, a.frameStart());
        assertEquals(12, a.frameEnd());
        assertEquals(8.0, a.tStart(), 1e-12);
        assertEquals(12.0, a.tEnd(), 1e-12);
        // p* = sqrt(8/27) (closed form); the two equal peaks are at 9 and 10 (first taken up to round-off)
        assertEquals(Math.sqrt(8.0 / 27), a.pStar(), 1e-12);
        assertTrue(a.framePeak() == 9 || a.framePeak() == 10);
        assertEquals(Math.max(rows.rows.get(9)[0], rows.rows.get(10)[0]), a.pStar(), 0.0);
        assertEquals(List.of(6, 10), List.of(b.frameStart(), b.frameEnd()));
        assertEquals(List.of(12, 16), List.of(c.frameStart(), c.frameEnd()));
        assertEquals(2, b.type());
        for (Event e : ev) assertTrue(e.startObserved() && e.closed());
    }

    @Test
    void eventCutOffAtTheEndIsReportedOpen() {
        // threshold below the drift's constant p_hop: id 4 is "rearranging" on every defined frame
        EventDetector low = new EventDetector(0.01);
        replay(low);
        Event drift = low.events().stream().filter(e -> e.id() == 4).findFirst().orElseThrow();
        assertEquals(2, drift.frameStart());
        assertFalse(drift.startObserved(), "frame 2 is the first defined frame: the opening was not seen");
        assertEquals(-1, drift.frameEnd());
        assertTrue(Double.isNaN(drift.tEnd()));
        // such an event gives no rearranging sample (t_start unknown)
        SampleList s = Labels.rearranging(low.events(), 0.005, 2, null, new int[1]);
        for (int k = 0; k < s.size(); k++) assertNotEquals(3, s.slot(k));
    }

    private void replay(PhopSink sink) {
        try {
            sink.start(rows.header);
            for (int f = 0; f < rows.rows.size(); f++) sink.row(f, 200L * f, f * 1.0, rows.rows.get(f));
            sink.finish(rows.rows.size());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rearrangingSamplesAreTwoTauBeforeTheStart() {
        int[] skipped = new int[1];
        // p_c = 0.5 < sqrt(8/27) = 0.544: all three events qualify; lead 2τ = 2 frames
        SampleList s = Labels.rearranging(events.events(), 0.5, 2, null, skipped);
        assertEquals(3, s.size());
        // sorted by frame: id 3 at 6−2 = 4, id 1 at 8−2 = 6, id 3 at 12−2 = 10
        assertArrayEquals(new int[] {4, 6, 10}, new int[] {s.frame(0), s.frame(1), s.frame(2)});
        assertArrayEquals(new int[] {2, 0, 2}, new int[] {s.slot(0), s.slot(1), s.slot(2)});
        for (int k = 0; k < 3; k++) assertEquals(1, s.label(k));
        assertEquals(0, skipped[0]);
        // p_c above p*: none
        assertEquals(0, Labels.rearranging(events.events(), 0.6, 2, null, skipped).size());
        // a lead of 7 frames puts id 3's first event before frame 0: skipped and counted
        SampleList late = Labels.rearranging(events.events(), 0.5, 7, null, skipped);
        assertEquals(2, late.size());
        assertEquals(1, skipped[0]);
        // species filter: only A (id 1)
        SampleList onlyA = Labels.rearranging(events.events(), 0.5, 2, Labels.speciesMask(t.types(), "A"), new int[1]);
        assertEquals(1, onlyA.size());
        assertEquals(0, onlyA.slot(0));
    }

    @Test
    void stableSamplesAreIntervalMiddles() {
        // defined frames 2..22; p_hop < 0.02 for: id 2 and 5 everywhere (runs 2..22 → intervals [2,6] [7,11] [12,16] [17,21]);
        // id 4 (0.0117 < 0.02) too; id 1 on 2..7 and 12..22 → [2,6], [12,16], [17,21];
        // id 3 on 2..5, 10..11, 16..22 → [16,20]. Middles: first + 2.
        SampleList s = stable.samples().sorted();
        Set<String> got = new HashSet<>();
        for (int k = 0; k < s.size(); k++) {
            got.add(s.slot(k) + "@" + s.frame(k));
            assertEquals(0, s.label(k));
            assertTrue(s.phop(k) < 0.02);
        }
        Set<String> want = new HashSet<>();
        for (int slot : new int[] {1, 3, 4}) for (int m : new int[] {4, 9, 14, 19}) want.add(slot + "@" + m);
        for (int m : new int[] {4, 14, 19}) want.add("0@" + m);
        want.add("2@18");
        assertEquals(want, got);
        // the value is the maximum over the interval: still particle 0
        for (int k = 0; k < s.size(); k++) if (s.slot(k) == 4) assertEquals(0.0, s.phop(k), 1e-20);
    }

    @Test
    void stableIntervalOfOddLengthTakesTheEarlierMiddle() {
        StableIntervals odd = new StableIntervals(0.02, 3, null); // 4 frames: [2,5] → middle 3
        replay(odd);
        SampleList s = odd.samples().sorted();
        boolean seen = false;
        for (int k = 0; k < s.size(); k++) if (s.slot(k) == 4 && s.frame(k) == 3) seen = true;
        assertTrue(seen);
    }

    @Test
    void balancedSamplingIsSeededReproducibleAndEqual() {
        SampleList ones = new SampleList(), zeros = new SampleList();
        for (int k = 0; k < 40; k++) ones.add(k % 7, k, 1, 0.7);
        for (int k = 0; k < 300; k++) zeros.add(k % 11, k, 0, 0.001);
        SampleList a = Labels.balanced(ones, zeros, 42, 0), b = Labels.balanced(ones, zeros, 42, 0), c = Labels.balanced(ones, zeros, 43, 0);
        assertEquals(80, a.size());
        assertEquals(40, a.count(1));
        assertEquals(40, a.count(0));
        assertEquals(keys(a), keys(b));
        assertNotEquals(keys(a), keys(c), "another seed draws other stable samples (C(300,40) choices)");
        // shuffling the input order does not change the draw (lists are sorted first)
        SampleList zr = new SampleList();
        for (int k = 299; k >= 0; k--) zr.add(zeros, k);
        assertEquals(keys(a), keys(Labels.balanced(ones, zr, 42, 0)));
        // a cap
        SampleList capped = Labels.balanced(ones, zeros, 42, 10);
        assertEquals(10, capped.count(1));
        assertEquals(10, capped.count(0));
        // drawn without replacement and from the candidates
        assertEquals(80, new HashSet<>(keys(a)).size());
        // output sorted by frame
        for (int k = 1; k < a.size(); k++) assertTrue(a.frame(k - 1) <= a.frame(k));
    }

    private static List<String> keys(SampleList s) {
        List<String> k = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) k.add(s.frame(i) + ":" + s.slot(i) + ":" + s.label(i));
        return k;
    }

    @Test
    void tailsAreTheExtremeValuesOfTheDistribution() throws IOException {
        Trajectories.Traj r = Trajectories.random(300, 30, 0.05, 11);
        Path traj = Trajectories.write(r, dir.resolve("rnd.dump"), LammpsDumpWriter.WRAPPED_IMAGES);
        Trajectories.Collect c = new Trajectories.Collect();
        try (Parallel par = new Parallel(2)) {
            PhopRun.run(traj, 4.0, 0.005, par, c, f -> {});
        }
        boolean[] onlyA = Labels.speciesMask(r.types(), "A");
        List<double[]> values = new ArrayList<>(); // {p, frame, slot}
        for (int f = 0; f < c.rows.size(); f++) {
            for (int i = 0; i < r.size(); i++) {
                double p = c.rows.get(f)[i];
                if (!Double.isNaN(p) && onlyA[i]) values.add(new double[] {p, f, i});
            }
        }
        int m = values.size(); // 26 frames × 240 A particles
        assertEquals(26 * 240, m);
        int k = TailSelector.tailSize(0.01, m);
        assertEquals(62, k); // floor(0.01 × 6240)
        TailSelector sel = new TailSelector(k, onlyA);
        PhopSink s = sel;
        s.start(c.header);
        for (int f = 0; f < c.rows.size(); f++) s.row(f, 200L * f, f, c.rows.get(f));
        s.finish(c.rows.size());
        values.sort((x, y) -> Double.compare(x[0], y[0]));
        int[] skipped = new int[2];
        SampleList got = sel.samples(2, skipped);
        Set<String> want = new HashSet<>();
        for (int q = 0; q < k; q++) {
            double[] lo = values.get(q), hi = values.get(m - 1 - q);
            want.add(((int) lo[1] - 2) + ":" + (int) lo[2] + ":0");
            want.add(((int) hi[1] - 2) + ":" + (int) hi[2] + ":1");
        }
        assertEquals(want, new HashSet<>(keys(got)));
        assertArrayEquals(new int[] {0, 0}, skipped); // frames ≥ h = 2, lead 2: never before frame 0
        assertEquals(values.get(m - k)[0], sel.upperCut(), 0.0);
        assertEquals(values.get(k - 1)[0], sel.lowerCut(), 0.0);
        // a lead of 3 frames puts frame-2 samples before the start
        SampleList early = sel.samples(3, skipped);
        assertEquals(2 * k - skipped[0] - skipped[1], early.size());
    }
}
