package org.softglass.core.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The spinning team: every chunk exactly once, the static assignment, failures, and the park/unpark hand-off. */
class ParallelTest {

    @Test
    void everyChunkRunsExactlyOnceWithItsRange() {
        for (int threads = 1; threads <= 4; threads++) {
            try (Parallel team = new Parallel(threads)) {
                for (int n : new int[] {0, 1, 7, 100, 1001}) {
                    for (boolean fixed : new boolean[] {false, true}) {
                        int chunk = 8, chunks = Parallel.chunkCount(n, chunk);
                        AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(1, chunks));
                        AtomicIntegerArray covered = new AtomicIntegerArray(Math.max(1, n));
                        Parallel.ChunkBody body = (w, c, from, to) -> {
                            runs.incrementAndGet(c);
                            assertEquals(c * chunk, from);
                            assertEquals(Math.min(n, (c + 1) * chunk), to);
                            for (int i = from; i < to; i++) covered.incrementAndGet(i);
                        };
                        if (fixed) team.forChunksStatic(n, chunk, body);
                        else team.forChunks(n, chunk, body);
                        for (int c = 0; c < chunks; c++) assertEquals(1, runs.get(c), "chunk " + c);
                        for (int i = 0; i < n; i++) assertEquals(1, covered.get(i), "index " + i);
                    }
                }
            }
        }
    }

    @Test
    void staticAssignmentIsWorkerModuloThreadsInOrder() {
        int threads = 3, chunks = 20;
        try (Parallel team = new Parallel(threads)) {
            int[] owner = new int[chunks];
            long[] lastChunk = {-1, -1, -1};
            team.forChunksStatic(chunks, 1, (w, c, from, to) -> {
                owner[c] = w;
                assertTrue(c > lastChunk[w], "worker " + w + " runs its chunks in ascending order");
                lastChunk[w] = c;
            });
            for (int c = 0; c < chunks; c++) assertEquals(c % threads, owner[c], "owner of chunk " + c);
        }
    }

    @Test
    void aFailureIsRethrownAndTheTeamStaysUsable() {
        try (Parallel team = new Parallel(2)) {
            for (int bad : new int[] {0, 1, 7}) { // chunk 0 runs on the caller, 1 on the member (static)
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> team.forChunksStatic(8, 1, (w, c, from, to) -> {
                    if (c == bad) throw new IllegalArgumentException("chunk " + bad);
                }));
                assertEquals("chunk " + bad, e.getMessage());
            }
            AssertionError err = new AssertionError("boom");
            assertSame(err, assertThrows(AssertionError.class, () -> team.forChunks(8, 1, (w, c, from, to) -> {
                if (c == 5) throw err;
            })));
            AtomicLong sum = new AtomicLong();
            team.forChunks(100, 1, (w, c, from, to) -> sum.addAndGet(c));
            assertEquals(4950, sum.get());
        }
    }

    @Test
    void aBodyCannotOpenARegionOnItsOwnTeam() {
        try (Parallel team = new Parallel(2)) {
            assertThrows(IllegalStateException.class, () -> team.forChunks(4, 1, (w, c, from, to) -> team.forChunks(2, 1, (a, b, x, y) -> {})));
            team.forChunks(4, 1, (w, c, from, to) -> {}); // still fine afterwards
        }
        Parallel closed = new Parallel(2);
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.forChunks(4, 1, (w, c, from, to) -> {}));
    }

    /**
     * Many back-to-back regions (members spinning) and regions after pauses longer than the spin
     * window (members parked, the caller parked while a member works) all complete: a lost wake-up
     * would hang, which the timeout turns into a failure.
     */
    @Test
    void handOffSurvivesSpinningAndParking() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (Parallel team = new Parallel(3)) {
                AtomicLong total = new AtomicLong();
                for (int r = 0; r < 20000; r++) team.forChunks(6, 1, (w, c, from, to) -> total.incrementAndGet());
                assertEquals(6L * 20000, total.get());
                long spinMillis = Parallel.SPIN_MICROS_DEFAULT / 1000 + 3;
                for (int r = 0; r < 20; r++) {
                    Thread.sleep(spinMillis);                       // members park
                    int slow = r % 3;
                    team.forChunksStatic(3, 1, (w, c, from, to) -> {
                        if (w == slow) {                            // the caller waits past its spin window
                            try { Thread.sleep(spinMillis); } catch (InterruptedException e) { throw new IllegalStateException(e); }
                        }
                        total.incrementAndGet();
                    });
                }
                assertEquals(6L * 20000 + 60, total.get());
            }
        });
    }
}
