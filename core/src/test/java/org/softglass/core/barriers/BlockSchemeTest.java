package org.softglass.core.barriers;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Rows (frame, timestep, id) grouped into bootstrap blocks by particle or by K consecutive frames. */
class BlockSchemeTest {
    static final long[][] ROWS = {{0, 0, 5}, {0, 0, 9}, {1, 10, 5}, {1, 10, 9}, {2, 20, 5}, {2, 20, 9}, {3, 30, 5}};

    @Test
    void particleBlocksFollowTheId() {
        assertArrayEquals(new int[] {0, 1, 0, 1, 0, 1, 0}, BlockScheme.particles().blocks(ROWS));
        assertEquals("particle", BlockScheme.particles().label());
    }

    @Test
    void frameBlocksCutTimeIntoRunsOfK() {
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1}, BlockScheme.frames(2).blocks(ROWS));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1}, BlockScheme.frames(3).blocks(ROWS));
        assertEquals("frames:3", BlockScheme.frames(3).label());
        assertThrows(IllegalArgumentException.class, () -> BlockScheme.frames(0));
        assertThrows(IllegalArgumentException.class, () -> new BlockScheme(-1));
    }
}
