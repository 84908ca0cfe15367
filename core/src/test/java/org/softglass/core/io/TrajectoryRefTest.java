package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trajectory identity record: hash of the bytes, JSON round trip, and the one-line refusals. */
class TrajectoryRefTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void identityIsTheHashOfTheBytesNotTheName(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.dump"), b = dir.resolve("b.dump"), c = dir.resolve("c.dump");
        Files.writeString(a, "ITEM: TIMESTEP\n0\n");
        Files.writeString(b, "ITEM: TIMESTEP\n0\n");
        Files.writeString(c, "ITEM: TIMESTEP\n1\n");
        TrajectoryRef ra = TrajectoryRef.of(a), rb = TrajectoryRef.of(b), rc = TrajectoryRef.of(c);
        assertEquals(Manifest.sha256(a), ra.sha256());
        ra.requireTrajectory(rb, "x.json", "p_hop");                 // same bytes, other name: the same trajectory
        InputFormatException e = assertThrows(InputFormatException.class, () -> ra.requireTrajectory(rc, "runs/phop/phop.json", "p_hop"));
        assertTrue(e.getMessage().startsWith("runs/phop/phop.json: p_hop was computed from " + a + " (sha256 " + ra.sha256().substring(0, 12)), e.getMessage());
        assertTrue(e.getMessage().contains("not from " + c + " (sha256 " + rc.sha256().substring(0, 12)), e.getMessage());
        InputFormatException two = assertThrows(InputFormatException.class,
                () -> ra.requireSameAs(rc, "soft/softness.json", "softness", "phop/phop.json", "p_hop"));
        assertTrue(two.getMessage().contains("but p_hop (phop/phop.json) from " + c), two.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void roundTripAndMissingRecord(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("t.dump");
        Files.writeString(t, "x");
        TrajectoryRef r = TrajectoryRef.of(t);
        Path j = dir.resolve("p.json");
        Files.write(j, JSON.writeValueAsBytes(java.util.Map.of("schema", "s", "trajectory", r.asMap())));
        assertEquals(r, TrajectoryRef.read(j, "recompute"));
        Files.writeString(j, "{\"schema\":\"s\"}");
        InputFormatException e = assertThrows(InputFormatException.class, () -> TrajectoryRef.read(j, "recompute it with 'softglass phop'"));
        assertTrue(e.getMessage().startsWith(j + ": no \"trajectory\" record"), e.getMessage());
        assertTrue(e.getMessage().endsWith("recompute it with 'softglass phop'"), e.getMessage());
        Files.writeString(j, "{\"trajectory\":{\"file\":\"t.dump\",\"sha256\":\"abc\"}}");
        assertThrows(InputFormatException.class, () -> TrajectoryRef.read(j, "recompute"));
        InputFormatException missing = assertThrows(InputFormatException.class, () -> TrajectoryRef.read(dir.resolve("none.json"), "recompute"));
        assertTrue(missing.getMessage().startsWith(dir.resolve("none.json") + ": missing"), missing.getMessage());
    }
}
