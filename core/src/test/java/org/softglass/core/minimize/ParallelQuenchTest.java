package org.softglass.core.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.softglass.core.energy.Models;
import org.softglass.core.io.Frame;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * {@link ParallelQuench}: several configurations minimised at once give, in submission order, exactly
 * (bit for bit) the inherent structures of a serial one-thread quench, for any number of workers; a
 * failing configuration is reported after the earlier ones were delivered; every item is closed.
 */
class ParallelQuenchTest {
    private static final MinimizeOptions OPTIONS = MinimizeOptions.defaults().withAlgorithm(Algorithm.LBFGS).withFtol(1e-6);

    /** An item owning a configuration; counts closes. */
    private record Item(int index, ParticleStore particles, AtomicInteger closed) implements AutoCloseable {
        @Override
        public void close() {
            particles.close();
            closed.incrementAndGet();
        }
    }

    /** What the sink saw of one item: index, positions and images (3N each, component-major), per-atom energies, evaluations. */
    private record Seen(int index, double[] x, int[] img, double[] pe, long evaluations) {}

    /** The thermal fixture frame (N = 1000, T = 0.8) with every coordinate moved by a uniform [−0.05, 0.05] σ, one seed per copy. */
    private static List<ParticleStore> configurations(Frame f, int count) {
        List<ParticleStore> list = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            ParticleStore p = f.particles().copy();
            Random rng = new Random(100 + c);
            for (int i = 0; i < p.size(); i++) {
                p.setPosition(i, p.x(i) + 0.1 * (rng.nextDouble() - 0.5), p.y(i) + 0.1 * (rng.nextDouble() - 0.5),
                        p.z(i) + 0.1 * (rng.nextDouble() - 0.5));
            }
            p.wrapInto(f.box());
            list.add(p);
        }
        return list;
    }

    private static Seen seen(int index, ParticleStore p, double[] pe, Report r) {
        int n = p.size();
        double[] x = new double[3 * n];
        int[] img = new int[3 * n];
        for (int i = 0; i < n; i++) {
            x[i] = p.x(i);
            x[n + i] = p.y(i);
            x[2 * n + i] = p.z(i);
            img[i] = p.image(i, 0);
            img[n + i] = p.image(i, 1);
            img[2 * n + i] = p.image(i, 2);
        }
        return new Seen(index, x, img, pe.clone(), r.forceEvaluations());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sameInherentStructuresInOrderAsASerialOneThreadQuench() throws IOException {
        int count = 5;
        List<Seen> serial = new ArrayList<>();
        try (Frame f = MinimizerBehaviourTest.thermal()) {
            Box box = f.box();
            try (Minimizer m = new Minimizer(Models.ka(), OPTIONS.withThreads(1))) {
                List<ParticleStore> cs = configurations(f, count);
                for (int c = 0; c < count; c++) {
                    try (ParticleStore p = cs.get(c)) {
                        double[] pe = new double[p.size()];
                        Report r = m.minimize(p, box, pe);
                        assertTrue(r.converged(), r.toString());
                        serial.add(seen(c, p, pe, r));
                    }
                }
            }
            for (int workers : new int[] {2, 3}) {
                List<Seen> parallel = new ArrayList<>();
                AtomicInteger closed = new AtomicInteger();
                // options carry 4 threads: ignored, each worker quenches with one
                try (ParallelQuench<Item> q = new ParallelQuench<>(Models.ka(), OPTIONS.withThreads(4), workers,
                        (item, pe, r) -> parallel.add(seen(item.index(), item.particles(), pe, r)))) {
                    List<ParticleStore> cs = configurations(f, count);
                    for (int c = 0; c < count; c++) {
                        q.submit(new Item(c, cs.get(c), closed), cs.get(c), box);
                        assertTrue(q.pending() <= 2 * workers, "window of " + workers + " workers: " + q.pending() + " pending");
                    }
                    q.flush();
                    assertEquals(0, q.pending());
                }
                assertEquals(count, closed.get(), "every item closed once delivered");
                assertEquals(count, parallel.size());
                for (int c = 0; c < count; c++) {
                    Seen a = serial.get(c), b = parallel.get(c);
                    assertEquals(c, b.index(), "delivery order");
                    assertArrayEquals(a.x(), b.x(), 0.0, "positions of configuration " + c + ", " + workers + " workers");
                    assertArrayEquals(a.img(), b.img(), "images of configuration " + c);
                    assertArrayEquals(a.pe(), b.pe(), 0.0, "per-atom energies of configuration " + c);
                    assertEquals(a.evaluations(), b.evaluations(), "evaluations of configuration " + c);
                }
            }
        }
    }

    /** Configuration 1 has two particles at one position: 0 is delivered, then 1's refusal surfaces; all items are freed. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aFailingConfigurationIsReportedAfterTheEarlierOnesAndEveryItemIsFreed() throws IOException {
        List<Integer> delivered = new ArrayList<>();
        AtomicInteger closed = new AtomicInteger();
        try (Frame f = MinimizerBehaviourTest.thermal()) {
            List<ParticleStore> cs = configurations(f, 3);
            ParticleStore bad = cs.get(1);
            bad.setPosition(1, bad.x(0), bad.y(0), bad.z(0));
            NonFiniteEnergyException e;
            try (ParallelQuench<Item> q = new ParallelQuench<>(Models.ka(), OPTIONS, 2, (item, pe, r) -> delivered.add(item.index()))) {
                for (int c = 0; c < 3; c++) q.submit(new Item(c, cs.get(c), closed), cs.get(c), f.box());
                e = assertThrows(NonFiniteEnergyException.class, q::flush);
            }
            assertTrue(e.atStart(), e.getMessage());
            assertEquals(List.of(0), delivered);
            assertEquals(3, closed.get(), "the delivered, the failed and the abandoned item are all freed");
        }
    }

    @Test
    void refusesZeroWorkers() {
        assertThrows(IllegalArgumentException.class, () -> new ParallelQuench<Item>(Models.ka(), OPTIONS, 0, (i, pe, r) -> {}));
    }
}
