package org.softglass.core.rearrange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/** Hand-made and random trajectories written as LAMMPS dumps, with their exact unwrapped positions. */
final class Trajectories {
    private Trajectories() {}

    static final Box BOX = Box.cubic(10.0);

    /** Unwrapped positions pos[frame][slot][axis], ids ascending (1..N), types. */
    record Traj(double[][][] pos, long[] ids, int[] types, long[] timesteps) {
        int frames() { return pos.length; }
        int size() { return ids.length; }
    }

    /**
     * Frame spacing 200 steps (Δ = 1τ at dt 0.005), 25 frames, 5 particles:
     * id 1 (A) hops once by +1 in x between frames 9 and 10;
     * id 2 (A) vibrates: x = 5 + 0.01 (−1)^f;
     * id 3 (B) hops by +1 in y between frames 7 and 8 and back between frames 13 and 14;
     * id 4 (A) drifts steadily by 0.05 per frame in x and crosses the periodic boundary (starts at 9.8);
     * id 5 (B) sits still.
     */
    static Traj handMade() {
        int f = 25;
        double[][][] p = new double[f][5][];
        for (int k = 0; k < f; k++) {
            p[k][0] = new double[] {2 + (k >= 10 ? 1 : 0), 2, 2};
            p[k][1] = new double[] {5 + 0.01 * (k % 2 == 0 ? 1 : -1), 5, 5};
            p[k][2] = new double[] {8, 3 + (k >= 8 && k < 14 ? 1 : 0), 7};
            p[k][3] = new double[] {9.8 + 0.05 * k, 8, 2};
            p[k][4] = new double[] {5, 8.5, 8.5};
        }
        long[] steps = new long[f];
        for (int k = 0; k < f; k++) steps[k] = 200L * k;
        return new Traj(p, new long[] {1, 2, 3, 4, 5}, new int[] {1, 1, 2, 1, 2}, steps);
    }

    /** N random walkers (steps of σ_step per axis per frame) in BOX, F frames 200 steps apart. */
    static Traj random(int n, int frames, double step, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][][] p = new double[frames][n][3];
        long[] ids = new long[n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 3L * i + 1;
            types[i] = i % 5 == 0 ? 2 : 1;
            for (int a = 0; a < 3; a++) p[0][i][a] = r.nextDouble() * 10;
        }
        for (int k = 1; k < frames; k++) {
            for (int i = 0; i < n; i++) {
                // occasional big jumps so p_hop has a long tail
                double s = r.nextDouble() < 0.02 ? 10 * step : step;
                for (int a = 0; a < 3; a++) p[k][i][a] = p[k - 1][i][a] + s * (2 * r.nextDouble() - 1);
            }
        }
        long[] steps = new long[frames];
        for (int k = 0; k < frames; k++) steps[k] = 200L * k;
        return new Traj(p, ids, types, steps);
    }

    /** Writes the trajectory with the given columns (e.g. WRAPPED_IMAGES or UNWRAPPED). */
    static Path write(Traj t, Path file, List<String> columns) throws IOException {
        LammpsDumpWriter.write(file, columns, w -> {
            for (int k = 0; k < t.frames(); k++) {
                try (ParticleStore s = store(t, k)) {
                    w.write(t.timesteps()[k], BOX, s, java.util.Map.of());
                }
            }
        });
        return file;
    }

    /** Frame k as a store (wrapped positions with image counts). */
    static ParticleStore store(Traj t, int k) {
        int n = t.size();
        ParticleStore s = ParticleStore.allocate(n);
        for (int i = 0; i < n; i++) {
            s.setId(i, t.ids()[i]);
            s.setSpecies(i, t.types()[i] - 1);
            s.setPosition(i, t.pos()[k][i][0], t.pos()[k][i][1], t.pos()[k][i][2]);
        }
        s.wrapInto(BOX);
        return s;
    }

    /**
     * p_hop by the definition of DESIGN §4, written out literally: A = frames t−h..t, B = t..t+h,
     * p = sqrt(⟨(x − ⟨x⟩_B)²⟩_A ⟨(x − ⟨x⟩_A)²⟩_B), squares summed over x, y, z. NaN outside [h, F−h).
     */
    static double direct(double[][][] pos, int h, int t, int i) {
        if (t < h || t + h >= pos.length) return Double.NaN;
        double[] meanA = new double[3], meanB = new double[3];
        for (int a = 0; a < 3; a++) {
            for (int k = t - h; k <= t; k++) meanA[a] += pos[k][i][a] / (h + 1);
            for (int k = t; k <= t + h; k++) meanB[a] += pos[k][i][a] / (h + 1);
        }
        double termA = 0, termB = 0;
        for (int k = t - h; k <= t; k++) {
            for (int a = 0; a < 3; a++) termA += Math.pow(pos[k][i][a] - meanB[a], 2) / (h + 1);
        }
        for (int k = t; k <= t + h; k++) {
            for (int a = 0; a < 3; a++) termB += Math.pow(pos[k][i][a] - meanA[a], 2) / (h + 1);
        }
        return Math.sqrt(termA * termB);
    }

    /** A sink keeping every row. */
    static final class Collect implements PhopSink {
        PhopHeader header;
        final java.util.List<double[]> rows = new java.util.ArrayList<>();
        final java.util.List<Double> times = new java.util.ArrayList<>();
        int frames = -1;

        @Override public void start(PhopHeader h) { header = h; }
        @Override public void row(int frame, long timestep, double time, double[] phop) {
            if (frame != rows.size()) throw new AssertionError("row " + frame + " out of order");
            rows.add(phop.clone());
            times.add(time);
        }
        @Override public void finish(int f) { frames = f; }
    }
}
