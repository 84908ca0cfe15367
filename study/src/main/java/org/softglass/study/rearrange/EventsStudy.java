package org.softglass.study.rearrange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.softglass.core.io.Manifest;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.rearrange.Event;
import org.softglass.core.rearrange.EventDetector;
import org.softglass.core.rearrange.PhopFiles;
import org.softglass.core.rearrange.PhopRun;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * Rearrangement events ({@link EventDetector}: p_hop &gt; p_L opens an event, the first frame with p_hop ≤ p_L closes
 * it, p* = max p_hop in the event) from a p_hop directory ({@link PhopStudy}) or from a trajectory (p_hop computed on
 * the fly with t_R and dt). Writes the events CSV ({@code id,type,frame_start,frame_end,frame_peak,t_start,t_end,p_star})
 * and {@code FILE.csv.manifest.json}, which records the trajectory's SHA-256 under "trajectory"
 * ({@link org.softglass.core.io.TrajectoryRef}) for the consumers that check it.
 */
public final class EventsStudy {
    private EventsStudy() {}

    /**
     * @param input a p_hop directory (phop.json, phop.npy), or a trajectory with unwrapped positions
     * @param pL    the threshold p_L (σ²), &gt; 0
     * @param tR    with a trajectory: the p_hop window t_R (τ); ignored for a p_hop directory
     * @param dt    with a trajectory: the MD time step (τ); ignored for a p_hop directory
     */
    public record Request(Path input, double pL, double tR, double dt) {
        public Request {
            Checks.positive(pL, "pL");
        }

        /** Events of a p_hop directory at threshold {@code pL}. */
        public static Request ofPhop(Path phopDirectory, double pL) { return new Request(phopDirectory, pL, Double.NaN, Double.NaN); }
    }

    /**
     * @param events    the events in detection order
     * @param openAtEnd events still open at the last frame ({@code frame_end = -1})
     * @param frames    frames read
     * @param particles particles per frame
     */
    public record Result(List<Event> events, long openAtEnd, int frames, int particles) {
        /** The largest p* of any event, 0 when there is none. */
        public double maxPStar() { return events.stream().mapToDouble(Event::pStar).max().orElse(0); }
    }

    /** Detects the events of {@code req.input()} and writes {@code csv} and its manifest. */
    public static Result run(Request req, Path csv, StudyContext ctx) throws IOException {
        EventDetector det = new EventDetector(req.pL());
        PhopRun.Result r;
        boolean fromDir = PhopFiles.isPhopDir(req.input());
        if (!fromDir && Files.isDirectory(req.input())) {
            throw new IllegalArgumentException(req.input() + " is a directory without phop.json: expected a trajectory or a 'softglass phop' directory");
        }
        if (fromDir) {
            r = PhopFiles.replay(req.input(), det);
        } else {
            try (Parallel par = new Parallel(ctx.threads()); StudyContext.Meter bar = ctx.progress().start("events", -1, "frames")) {
                r = PhopRun.run(req.input(), req.tR(), req.dt(), par, det, bar::stepTo);
            }
        }
        EventDetector.writeCsv(csv, det.events());
        Result res = new Result(List.copyOf(det.events()), det.events().stream().filter(e -> !e.closed()).count(), r.frames(), r.header().size());
        Manifest m = new Manifest(ctx.version(), "events").param("pL", req.pL()).param("threads", ctx.threads());
        if (fromDir) {
            m.input(PhopFiles.json(req.input())).input(PhopFiles.npy(req.input()));
        } else {
            m.param("tR", req.tR()).param("dt", req.dt()).input(req.input(), r.header().trajectory().sha256());
        }
        // the trajectory the events come from (TrajectoryRef), which 'correlations TRAJ --events' compares;
        // absent only for a p_hop directory written before softglass recorded it
        if (r.header().trajectory() != null) m.trajectory(r.header().trajectory());
        m.param("tR_effective", r.header().effectiveTR()).param("half_window_frames", r.header().halfWindow())
                .output(csv).result("frames", r.frames()).result("particles", r.header().size())
                .result("events", res.events().size()).result("open_at_end", res.openAtEnd())
                .result("max_p_star", res.maxPStar())
                .write(Path.of(csv + ".manifest.json"));
        return res;
    }
}
