package org.softglass.study.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.dynamics.InherentOverlap;
import org.softglass.core.rearrange.Persistence;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.HopTrajectory;
import org.softglass.study.Species;
import org.softglass.study.StudyFixture;
import org.softglass.study.rearrange.PhopStudy;

/**
 * {@link OverlapStudy}, {@link PersistenceStudy} and {@link SelfDynamicsStudy} on the hop trajectory, whose answers are
 * closed forms: one particle of N = 4 hops once, between frames 9 and 10, so over a window of k frames from origin t0 it
 * has moved iff t0 ≤ 9 &lt; t0 + k; of the 21 − k origins, c(k) = #{t0 : max(0, 10 − k) ≤ t0 ≤ min(9, 20 − k)} contain the hop.
 */
class DynamicsStudiesTest extends StudyFixture {
    DynamicsStudiesTest() {
        super(2);
    }

    /** c(k): the origins whose window of k frames contains the hop. */
    private static int containing(int k) {
        int lo = Math.max(0, HopTrajectory.HOP - k), hi = Math.min(HopTrajectory.HOP - 1, HopTrajectory.FRAMES - 1 - k);
        return Math.max(0, hi - lo + 1);
    }

    @Test
    void overlapIsTheClosedFormAndItsFilesHoldTheResult() throws IOException {
        Path traj = hopTrajectory();
        OverlapStudy.Result res = OverlapStudy.run(OverlapStudy.Request.of(traj, Species.ALL, HopTrajectory.DT), dir.resolve("o"), ctx);
        InherentOverlap.Result r = res.overlap();
        assertEquals(1.0, r.q()[0], 0.0);   // Q(0) = 1 by construction
        List<String> csv = Files.readAllLines(dir.resolve("o/overlap.csv"));
        assertEquals("t,Q,chi4,Q_err,origins,lag_frames", csv.get(0));
        assertEquals(res.lags().length + 1, csv.size());
        for (int j = 0; j < res.lags().length; j++) {
            int k = res.lags()[j], n = HopTrajectory.FRAMES - k;
            double f = (double) containing(k) / n;
            assertEquals(n, r.origins()[j], "origins at lag " + k);
            assertEquals(1 - f / HopTrajectory.N, r.q()[j], 1e-12, "Q at lag " + k);
            // χ4 = N Var Q over origins (biased): Q_t0 is 1 or 3/4, so Var = f (1 − f) / 16
            assertEquals(HopTrajectory.N * f * (1 - f) / 16, r.chi4()[j], 1e-12, "chi4 at lag " + k);
            String[] row = csv.get(j + 1).split(",");
            assertEquals(r.q()[j], Double.parseDouble(row[1]), 0.0);
            assertEquals(k, Integer.parseInt(row[5]));
        }
        JsonNode j = new ObjectMapper().readTree(dir.resolve("o/overlap.json").toFile());
        assertEquals("softglass.overlap/1", j.get("schema").asText());
        assertEquals(r.tauChi(), j.get("tau_chi").asDouble(), 0.0);
        assertEquals(res.warning() == null, j.get("tau_chi_resolved").asBoolean());
    }

    @Test
    void persistenceCountsTheHopFromTheSamePhop() throws IOException {
        Path traj = hopTrajectory();
        PhopStudy.Result p = PhopStudy.run(new PhopStudy.Request(traj, 4.0, HopTrajectory.DT), dir.resolve("phop"), ctx);
        // p_hop of the hopper exceeds p_c = 0.2 only at frames 9 and 10 (√(8/27) = 0.54; √(1/27) = 0.19 at 8 and 11)
        PersistenceStudy.Result res = PersistenceStudy.run(PersistenceStudy.Request.of(p.directory(), 0.2, Species.A), dir.resolve("pers"), ctx);
        Persistence.Result r = res.persistence();
        assertEquals(HopTrajectory.N, r.particles());
        assertEquals(1.0, r.frameSpacing(), 1e-12);
        assertTrue(r.q()[r.q().length - 1] < 1, "the hop relaxes the persistence at the longest lag");
        JsonNode j = new ObjectMapper().readTree(dir.resolve("pers/persistence.json").toFile());
        assertEquals("A", j.get("species").asText());
        InvalidParameter none = assertThrows(InvalidParameter.class,
                () -> PersistenceStudy.run(PersistenceStudy.Request.of(p.directory(), 0.2, Species.B), dir.resolve("b"), ctx));
        assertTrue(none.getMessage().startsWith("species B: no particle of type 2 in "), none.getMessage());
        assertEquals("{pc} must be finite and > 0, got 0.0",
                assertThrows(InvalidParameter.class, () -> PersistenceStudy.Request.of(p.directory(), 0, Species.A)).template());
    }

    @Test
    void selfDynamicsGivesTheMsdInClosedFormAndAnUndefinedTauAlphaAsAValue() throws IOException {
        Path traj = hopTrajectory();
        SelfDynamicsStudy.Request req = new SelfDynamicsStudy.Request(traj, 1.0, HopTrajectory.DT, 1, 6.0, 2.0, 20, null, 1e-8, 1000);
        SelfDynamicsStudy.Result r = SelfDynamicsStudy.run(req, dir.resolve("fs"), ctx);
        assertEquals(6.0, r.q(), 0.0);
        for (int m = 0; m < r.dynamics().time().length; m++) {
            int k = (int) Math.round(r.dynamics().time()[m]);   // frames are 1 τ apart
            assertEquals((double) containing(k) / (HopTrajectory.FRAMES - k) / HopTrajectory.N, r.dynamics().msd()[m], 1e-12, "MSD at lag " + k);
        }
        // three of four particles never move: F_s stays ≥ 3/4, so τ_α (F_s = 0.2) is undefined: a value of the result, not an exception
        assertNull(r.tauAlpha());
        assertNotNull(r.warning());
        assertTrue(new ObjectMapper().readTree(dir.resolve("fs/fs.json").toFile()).get("tau_alpha").isNull());
        assertEquals("timestep must be > 0, got 0.0", assertThrows(InvalidParameter.class,
                () -> SelfDynamicsStudy.Request.of(traj, 1.0, 0.0)).getMessage());
    }
}
