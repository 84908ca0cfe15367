package org.softglass.study.rearrange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.rearrange.Event;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.HopTrajectory;
import org.softglass.study.StudyFixture;

/** {@link PhopStudy} and {@link EventsStudy} called from Java, as a notebook or the pipeline does. */
class RearrangementStudiesTest extends StudyFixture {
    RearrangementStudiesTest() {
        super(2);
    }

    @Test
    void theHopIsTheOnlyEventAndTheResultIsWhatTheFilesSay() throws IOException {
        Path traj = hopTrajectory();
        PhopStudy.Result p = PhopStudy.run(new PhopStudy.Request(traj, 4.0, HopTrajectory.DT), dir.resolve("phop"), ctx);
        assertEquals(HopTrajectory.FRAMES, p.frames());
        assertEquals(HopTrajectory.N, p.particles());
        assertEquals(1.0, p.frameSpacing(), 1e-12);
        assertEquals(2, p.halfWindow());
        assertEquals(4.0, p.tREffective(), 1e-12);
        var man = new ObjectMapper().readTree(dir.resolve("phop/phop.manifest.json").toFile());
        assertEquals("test", man.path("version").asText());
        assertEquals(p.frames(), man.path("results").path("frames").asInt());

        EventsStudy.Result e = EventsStudy.run(EventsStudy.Request.ofPhop(p.directory(), 0.05), dir.resolve("events.csv"), ctx);
        assertEquals(1, e.events().size(), e.events().toString());
        Event hop = e.events().get(0);
        assertEquals(1, hop.id());
        assertTrue(hop.closed());
        // DESIGN §4 by hand, x = 0 before frame 10 and 1 from it, windows of 2 frames each side: p_hop(8) = p_hop(11) = √(1/27),
        // p_hop(9) = p_hop(10) = √(8/27), 0 elsewhere; so the event opens at 8, closes at 12 (first p_hop ≤ p_L), p* = √(8/27)
        assertEquals(8, hop.frameStart());
        assertEquals(12, hop.frameEnd());
        assertEquals(Math.sqrt(8.0 / 27), hop.pStar(), 1e-12);
        assertTrue(hop.framePeak() == 9 || hop.framePeak() == 10, "peak at " + hop.framePeak());
        assertEquals(0, e.openAtEnd());
        assertEquals(hop.pStar(), e.maxPStar(), 0.0);

        // the same events from the trajectory directly (p_hop on the fly): the same CSV bytes
        EventsStudy.Result direct = EventsStudy.run(new EventsStudy.Request(traj, 0.05, 4.0, HopTrajectory.DT), dir.resolve("direct.csv"), ctx);
        assertEquals(e.events(), direct.events());
        assertArrayEquals(Files.readAllBytes(dir.resolve("events.csv")), Files.readAllBytes(dir.resolve("direct.csv")));
    }

    @Test
    void aBadRequestNamesTheParameterNotAnOption() throws IOException {
        InvalidParameter bad = assertThrows(InvalidParameter.class, () -> EventsStudy.Request.ofPhop(dir, -1));
        assertEquals("pL must be a finite number > 0, got -1.0", bad.getMessage());
        assertEquals("{pL} must be a finite number > 0, got -1.0", bad.template());
        // a trajectory too short for the window: refused, and no half-written p_hop matrix is left
        Path traj = hopTrajectory();
        assertThrows(InputFormatException.class, () -> PhopStudy.run(new PhopStudy.Request(traj, 40.0, HopTrajectory.DT), dir.resolve("short"), ctx));
        assertFalse(Files.exists(dir.resolve("short/phop.npy")));
        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> PhopStudy.run(new PhopStudy.Request(dir.resolve("missing.dump"), 4.0, HopTrajectory.DT), dir.resolve("none"), ctx));
        assertFalse(Files.exists(dir.resolve("none")));
    }
}
