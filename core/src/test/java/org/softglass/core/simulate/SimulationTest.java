package org.softglass.core.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationTest {

    static RunSpec spec(String ensemble, long steps, long checkpointEvery, double dt) {
        return new RunSpec("ka", 300, 1.2, 1.0, dt, steps, ensemble, 0.5, 42, 2.0, 100, 100, 25, 50, checkpointEvery, 0.3, false);
    }

    /** A run interrupted after a checkpoint and rerun gives byte-identical outputs to one never interrupted. */
    @Test
    void resumesBitForBit(@TempDir Path tmp) throws IOException {
        for (String ens : List.of("nvt", "langevin", "nve")) {
            RunSpec s = spec(ens, 400, 150, 0.005);
            Path a = tmp.resolve(ens + "-straight"), b = tmp.resolve(ens + "-interrupted");
            Simulation.run(s, a, 2, d -> {});
            RuntimeException stop = new RuntimeException("interrupted");
            RuntimeException thrown = assertThrows(RuntimeException.class,
                    () -> Simulation.run(s, b, 2, d -> { if (d == 470) throw stop; }));
            assertEquals(stop, thrown);
            assertFalse(Files.exists(b.resolve("thermo.csv")), "no final file before completion");
            Simulation.Result r = Simulation.run(s, b, 2, d -> {});
            assertEquals(450, r.resumedFrom(), ens);
            for (String f : List.of("thermo.csv", "traj.dump")) {
                assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), ens + " " + f);
            }
            assertTrue(Simulation.run(s, b, 2, d -> {}).alreadyComplete());
        }
    }

    /** The inherent-structure trajectory survives an interruption too, and every quench converges. */
    @Test
    void inherentTrajectoryResumesBitForBit(@TempDir Path tmp) throws IOException {
        RunSpec s = new RunSpec("ka", 300, 1.2, 1.0, 0.005, 200, "nvt", 0.5, 42, 2.0, 100, 100, 25, 100, 150, 0.3, true);
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        Simulation.run(s, a, 2, d -> {});
        assertThrows(RuntimeException.class, () -> Simulation.run(s, b, 2, d -> { if (d == 320) throw new RuntimeException("stop"); }));
        Simulation.run(s, b, 2, d -> {});
        for (String f : List.of("is.dump", "is_energy.csv", "traj.dump")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        List<String> rows = Files.readAllLines(a.resolve("is_energy.csv"));
        assertEquals(4, rows.size(), "header + frames at production steps 0, 100, 200");
        for (String r : rows.subList(1, rows.size())) {
            String[] f = r.split(",");
            assertEquals("true", f[5], r);
            double u = Double.parseDouble(f[2]);
            assertTrue(u < -6.5 && u > -8.0, "IS energy per particle " + u);
        }
    }

    /**
     * Frames are quenched one per worker with the spec's minimiser while the MD goes on: every
     * is.dump frame and is_energy.csv row is, bit for bit, the one-thread L-BFGS+FIRE quench (ftol 1e-6) of the MD
     * state at that step (captured here by an extra observer at the same steps), in step order.
     */
    @Test
    void inherentFramesAreTheOneThreadQuenchOfEachFrameInStepOrder(@TempDir Path tmp) throws IOException {
        RunSpec s = new RunSpec("ka", 300, 1.2, 1.0, 0.005, 300, "nvt", 0.5, 42, 2.0, 100, 100, 25, 50, 150, 0.3, true, 0.8, null,
                new InherentQuench(org.softglass.core.minimize.Algorithm.LBFGS_FIRE, 1e-6));
        assertEquals("lbfgs+fire", s.asMap().get("inherent_min"));
        assertEquals(1e-6, s.asMap().get("inherent_ftol"));
        java.util.List<org.softglass.core.particles.ParticleStore> states = new java.util.ArrayList<>();
        java.util.List<org.softglass.core.space.Box> boxes = new java.util.ArrayList<>();
        Simulation.ObserverFactory capture = (dir, resume) -> new Observer() {
            @Override public long every() { return 50; }
            @Override public void observe(MdSystem sys, long step, double time) {
                states.add(sys.particles().copy());
                boxes.add(sys.box());
            }
        };
        Path d = tmp.resolve("run");
        Simulation.run(s, d, 2, x -> {}, java.util.List.of(capture));
        double[] uIs = column(d.resolve("is_energy.csv"), 2);
        assertEquals(7, uIs.length, "frames at production steps 0, 50, …, 300");
        assertEquals(7, states.size());
        org.softglass.core.minimize.MinimizeOptions one = org.softglass.core.minimize.MinimizeOptions.defaults()
                .withAlgorithm(org.softglass.core.minimize.Algorithm.LBFGS_FIRE).withFtol(1e-6);
        try (var is = org.softglass.core.io.LammpsDumpReader.open(d.resolve("is.dump"));
             var m = new org.softglass.core.minimize.Minimizer(org.softglass.core.energy.Models.ka(), one)) {
            for (int k = 0; k < states.size(); k++) {
                try (var p = states.get(k); var quenched = is.next()) {
                    var r = m.minimize(p, boxes.get(k), null);
                    assertEquals(r.energyPerAtom(), uIs[k], 0.0, "U_IS/N of frame " + k);
                    for (int i = 0; i < p.size(); i++) {
                        for (int a = 0; a < 3; a++) {
                            assertEquals(p.unwrapped(i, a, boxes.get(k)), quenched.particles().unwrapped(i, a, quenched.box()), 0.0,
                                    "frame " + k + ", slot " + i);
                        }
                    }
                }
            }
        }
    }

    /**
     * Same spec and thread count → identical files; 1 and 2 threads differ only by the grouping of
     * force sums, so their first thermo rows agree to round-off (later the chaotic dynamics amplify it).
     */
    @Test
    void sameOutputForTheSameThreadCount(@TempDir Path tmp) throws IOException {
        RunSpec s = spec("nvt", 200, 1000, 0.005);
        Simulation.run(s, tmp.resolve("a"), 2, d -> {});
        Simulation.run(s, tmp.resolve("b"), 2, d -> {});
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/traj.dump")), Files.readAllBytes(tmp.resolve("b/traj.dump")));
        Simulation.run(s, tmp.resolve("c"), 1, d -> {});
        double pe2 = column(tmp.resolve("a/thermo.csv"), 3)[0], pe1 = column(tmp.resolve("c/thermo.csv"), 3)[0];
        assertEquals(pe2, pe1, 1e-9 * Math.abs(pe2));
    }

    /**
     * After equilibration, the NVE energy and the NVT extended energy are conserved as a second-order
     * integrator must: their spread over 10 τ (N = 300) is a few 1e-3 ε per particle at dt = 0.005
     * (shadow-energy fluctuations plus the jumps of the truncated KA force at the cutoff) and shrinks
     * by at least half (ideally 4×) when dt is halved. A wrong kick, drift or thermostat term breaks
     * the scaling. The absolute bound 5e-3 is 3× the spread measured here.
     */
    @Test
    void conservedQuantitiesAreConserved(@TempDir Path tmp) throws IOException {
        for (String ens : List.of("nvt", "nve")) {
            double[] span = new double[2];
            for (int k = 0; k < 2; k++) {
                double dt = 0.005 / (1 << k);
                long steps = Math.round(10 / dt);
                RunSpec s = new RunSpec("ka", 300, 1.2, 1.0, dt, steps, ens, 0.5, 42, 2.0, 100, Math.round(5 / dt), steps / 80, 0, 100000, 0.3, false);
                Path d = tmp.resolve(ens + k);
                Simulation.run(s, d, 2, x -> {});
                double[] c = column(d.resolve("thermo.csv"), 6);
                double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
                for (double v : c) { min = Math.min(min, v); max = Math.max(max, v); }
                span[k] = max - min;
            }
            assertTrue(span[0] < 5e-3, ens + ": conserved quantity spans " + span[0]);
            assertTrue(span[1] < 0.5 * span[0], ens + ": spread " + span[0] + " at dt, " + span[1] + " at dt/2");
        }
    }

    @Test
    void unstableRunStopsWithAClearMessage(@TempDir Path tmp) {
        RunSpec s = new RunSpec("ka", 300, 1.2, 2.0, 0.1, 2000, "nve", 0.5, 1, 2.0, 0, 0, 10, 0, 20, 0.3, false);
        UnstableRunException e = assertThrows(UnstableRunException.class, () -> Simulation.run(s, tmp.resolve("u"), 1, d -> {}));
        assertTrue(e.getMessage().startsWith("unstable run at step"), e.getMessage());
        assertTrue(e.getMessage().endsWith("try a smaller dt"), "the parameter by its name: " + e.getMessage());
        assertTrue(e.template().endsWith("try a smaller {dt}"), "a front end spells it its way: " + e.template());
    }

    @Test
    void refusesADirectoryOfAnotherRun(@TempDir Path tmp) throws IOException {
        Simulation.run(spec("nvt", 50, 1000, 0.005), tmp, 1, d -> {});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Simulation.run(spec("nvt", 60, 1000, 0.005), tmp, 1, d -> {}));
        assertTrue(e.getMessage().contains("other parameters"), e.getMessage());
    }

    /** A run interrupted with 2 threads is not resumed with 1 (that would mix two trajectories). */
    @Test
    void refusesToResumeWithAnotherThreadCount(@TempDir Path tmp) throws IOException {
        RunSpec s = spec("nvt", 100, 150, 0.005);
        assertThrows(RuntimeException.class, () -> Simulation.run(s, tmp, 2, d -> { if (d == 200) throw new RuntimeException("stop"); }));
        assertTrue(Files.exists(tmp.resolve("checkpoint.bin")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulation.run(s, tmp, 1, d -> {}));
        assertTrue(e.getMessage().contains("holds a run with threads 2; this command has threads 1"), e.getMessage());
        assertEquals(150, Simulation.run(s, tmp, 2, d -> {}).resumedFrom(), "the same thread count still resumes");
    }

    /** A run directory of an older softglass (run key without the thread count) is named as such, not as "other parameters". */
    @Test
    void runOfAnOlderVersionIsNamed(@TempDir Path tmp) throws IOException {
        RunSpec s = spec("nvt", 10, 1000, 0.005);
        Files.writeString(tmp.resolve("run.json"), "{\"key\": \"" + s.key() + "\", \"complete\": false}");
        Files.writeString(tmp.resolve("checkpoint.bin"), "SGCKPT01...");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulation.run(s, tmp, 1, d -> {}));
        assertTrue(e.getMessage().contains("started by an older softglass"), e.getMessage());
    }

    /** A start refused for its parameters writes nothing, so the corrected command can use the directory. */
    @Test
    void refusedStartLeavesNothingBehind(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        RunSpec tiny = new RunSpec("ka", 20, 1.2, 1.0, 0.005, 10, "nvt", 0.5, 42, 2.0, 10, 10, 5, 5, 100, 0.3, false);
        assertThrows(IllegalArgumentException.class, () -> Simulation.run(tiny, out, 1, d -> {}));
        assertFalse(Files.exists(out), "nothing created for a refused start");
        Files.createDirectories(out);
        Path first = tmp.resolve("first");
        Simulation.run(spec("nvt", 0, 1000, 0.005), first, 1, d -> {});
        RunSpec wrongN = new RunSpec("ka", 200, 1.2, 0.8, 0.005, 10, "nvt", 0.5, 7, 2.0, 0, 0, 5, 5, 1000, 0.3, false, 0.8,
                first.resolve("traj.dump").toString());
        assertThrows(IllegalArgumentException.class, () -> Simulation.run(wrongN, out, 1, d -> {}));
        try (var l = Files.list(out)) {
            assertEquals(List.of(), l.toList(), "nothing written into an existing --out for a refused --initial");
        }
        assertEquals(-1, Simulation.run(spec("nvt", 20, 1000, 0.005), out, 1, d -> {}).resumedFrom());
    }

    /** A run.json left with no checkpoint and no streamed output (an older refused start) protects nothing. */
    @Test
    void runJsonAloneIsNotARunToProtect(@TempDir Path tmp) throws IOException {
        Simulation.run(spec("nvt", 10, 1000, 0.005), tmp.resolve("a"), 1, d -> {});
        Files.copy(tmp.resolve("a").resolve("run.json"), tmp.resolve("run.json"));
        Simulation.Result r = Simulation.run(spec("nvt", 20, 1000, 0.005), tmp, 1, d -> {});
        assertFalse(r.alreadyComplete());
        assertTrue(Files.exists(tmp.resolve("thermo.csv")));
    }

    /**
     * {@code initial}: a run continues from the last frame of another run's dump. With no melt and no
     * equilibration its production frame 0 holds the source's last positions (wrapped into the box;
     * the dump prints 17 significant digits, so equality is exact up to one wrap, ≤ 1e-12 σ) and
     * species; a changed start file gives a new key, and a start of another N is refused by name.
     */
    @Test
    void continuesFromTheLastFrameOfADump(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("first");
        Simulation.run(spec("nvt", 100, 1000, 0.005), first, 1, d -> {});
        Path dump = first.resolve("traj.dump");
        RunSpec s = new RunSpec("ka", 300, 1.2, 0.8, 0.005, 0, "nvt", 0.5, 7, 2.0, 0, 0, 25, 50, 1000, 0.3, false, 0.8, dump.toString());
        Simulation.run(s, tmp.resolve("second"), 1, d -> {});
        org.softglass.core.io.Frame a = null, b;
        try (var r = org.softglass.core.io.LammpsDumpReader.open(dump)) {
            for (org.softglass.core.io.Frame f; (f = r.next()) != null; ) a = f;
        }
        b = org.softglass.core.io.LammpsDumpReader.readFirst(tmp.resolve("second").resolve("traj.dump"));
        org.softglass.core.space.Box box = a.box();
        for (int i = 0; i < 300; i++) {
            assertEquals(a.particles().id(i), b.particles().id(i));
            assertEquals(a.particles().species(i), b.particles().species(i));
            for (int ax = 0; ax < 3; ax++) {
                double d = a.particles().pos(i, ax) - b.particles().pos(i, ax);
                d -= Math.rint(d / box.length(ax)) * box.length(ax);
                assertEquals(0, d, 1e-12, "particle " + i + " axis " + ax);
            }
        }
        String key = s.key();
        Files.writeString(dump, Files.readString(dump) + " ");
        assertFalse(key.equals(s.key()), "the start file's content is part of the key");
        RunSpec other = new RunSpec("ka", 200, 1.2, 0.8, 0.005, 0, "nvt", 0.5, 7, 2.0, 0, 0, 25, 50, 1000, 0.3, false, 0.8, dump.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulation.run(other, tmp.resolve("third"), 1, d -> {}));
        assertTrue(e.getMessage().contains("300 particles, expected 200"), e.getMessage());
    }

    static double[] column(Path csv, int col) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[col])).toArray();
    }
}
