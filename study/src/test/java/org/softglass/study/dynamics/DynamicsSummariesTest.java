package org.softglass.study.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.softglass.core.dynamics.InherentOverlap;
import org.softglass.core.rearrange.Persistence;
import org.softglass.study.HopTrajectory;
import org.softglass.study.Species;
import org.softglass.study.StudyFixture;
import org.softglass.study.rearrange.PhopStudy;

/** {@link OverlapSummary}, {@link PersistenceSummary}, {@link FsSummary}: what each study wrote, read back (null → NaN). */
class DynamicsSummariesTest extends StudyFixture {
    DynamicsSummariesTest() {
        super(1);
    }

    @Test
    void overlapJsonReadsBackAsWritten() throws IOException {
        Path traj = hopTrajectory();
        OverlapStudy.Request req = OverlapStudy.Request.of(traj, Species.ALL, HopTrajectory.DT);
        OverlapStudy.Result res = OverlapStudy.run(req, dir.resolve("o"), ctx);
        InherentOverlap.Result r = res.overlap();
        OverlapSummary s = OverlapSummary.read(dir.resolve("o/overlap.json"));
        assertEquals(r.tauQ(), s.tauQ(), 0.0);
        assertEquals(r.tauQErr(), s.tauQErr(), 0.0);
        assertEquals(r.tauChi(), s.tauChi(), 0.0);
        assertEquals(r.chi4Star(), s.chi4Star(), 0.0);
        assertEquals(r.peakResolved(), s.tauChiResolved());
        assertEquals(req.a(), s.a(), 0.0);
        assertEquals(r.s4() == null ? Double.NaN : r.s4().xi4(), s.xi4(), 0.0);
        assertEquals(r.s4() == null ? Double.NaN : r.s4().xi4Err(), s.xi4Err(), 0.0);
        assertEquals(r.blocks().size(), s.blocks().size());
        for (int i = 0; i < r.blocks().size(); i++) {
            assertEquals(r.blocks().get(i).side(), s.blocks().get(i).ell(), 0.0);
            assertEquals(r.blocks().get(i).chi4Star(), s.blocks().get(i).chi4Star(), 0.0);
        }
    }

    @Test
    void persistenceJsonReadsBackAsWritten() throws IOException {
        Path traj = hopTrajectory();
        PhopStudy.Result p = PhopStudy.run(new PhopStudy.Request(traj, 4.0, HopTrajectory.DT), dir.resolve("phop"), ctx);
        Persistence.Result r = PersistenceStudy.run(PersistenceStudy.Request.of(p.directory(), 0.2, Species.A), dir.resolve("pers"), ctx).persistence();
        PersistenceSummary s = PersistenceSummary.read(dir.resolve("pers/persistence.json"));
        assertEquals(r.tauQ(), s.tauQ(), 0.0);
        assertEquals(r.tauChi(), s.tauChi(), 0.0);
        assertEquals(r.chi4Star(), s.chi4Star(), 0.0);
    }

    /** τ_α is undefined on the hop trajectory: written as null, read as NaN. */
    @Test
    void fsJsonReadsAnUndefinedTauAlphaAsNaN() throws IOException {
        Path traj = hopTrajectory();
        SelfDynamicsStudy.Request req = new SelfDynamicsStudy.Request(traj, 1.0, HopTrajectory.DT, 1, 6.0, 2.0, 20, null, 1e-8, 1000);
        SelfDynamicsStudy.Result r = SelfDynamicsStudy.run(req, dir.resolve("fs"), ctx);
        assertEquals(null, r.tauAlpha());
        assertTrue(Double.isNaN(FsSummary.read(dir.resolve("fs/fs.json")).tauAlpha()));
    }
}
