package org.softglass.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.io.Manifest;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.rearrange.Event;
import org.softglass.core.rearrange.EventDetector;
import org.softglass.core.rearrange.PhopFiles;
import org.softglass.core.rearrange.PhopRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass events TRAJ|PHOPDIR --out FILE.csv}: rearrangement events ({@link EventDetector})
 * from a trajectory (p_hop computed on the fly) or from a {@code softglass phop} directory. The
 * manifest {@code FILE.csv.manifest.json} records the trajectory's SHA-256 under "trajectory"
 * ({@link org.softglass.core.io.TrajectoryRef}).
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Rearrangement events: p_hop > p_L opens an event, the first frame with p_hop <= p_L closes it; p* = max p_hop in the event.",
                "Input: a LAMMPS trajectory (p_hop computed with --tr, --dt) or a directory written by 'softglass phop'.",
                "CSV columns: id,type,frame_start,frame_end,frame_peak,t_start,t_end,p_star (frame_end = -1 and t_end = NaN if still open at the end)."})
final class EventsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TRAJ|PHOPDIR", description = "Trajectory (" + Formats.TRAJECTORY + "), or a directory holding phop.json and phop.npy.")
    Path input;

    @Option(names = "--pl", paramLabel = "P", defaultValue = "0.05", description = "Threshold p_L (sigma^2) (default: ${DEFAULT-VALUE}).")
    double pL;

    @Mixin
    WindowOptions window = new WindowOptions();


    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "Events CSV (and FILE.csv.manifest.json).")
    Path out;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        OptionChecks.positive(pL, "--pl");
        int nt = run.threads();
        EventDetector det = new EventDetector(pL);
        PhopRun.Result r;
        boolean fromDir = PhopFiles.isPhopDir(input);
        if (!fromDir && java.nio.file.Files.isDirectory(input)) {
            throw new IllegalArgumentException(input + " is a directory without phop.json: expected a trajectory or a 'softglass phop' directory");
        }
        if (fromDir) {
            r = PhopFiles.replay(input, det);
        } else {
            try (Parallel par = new Parallel(nt); Progress bar = Progress.frames("events", run.quiet())) {
                r = PhopRun.run(input, window.tR, window.dt, par, det, bar::stepTo);
            }
        }
        EventDetector.writeCsv(out, det.events());
        long open = det.events().stream().filter(e -> !e.closed()).count();
        Manifest m = new Manifest(Version.get(), "events").param("pL", pL).param("threads", nt);
        if (fromDir) {
            m.input(PhopFiles.json(input)).input(PhopFiles.npy(input));
        } else {
            m.param("tR", window.tR).param("dt", window.dt).input(input, r.header().trajectory().sha256());
        }
        // the trajectory the events come from (TrajectoryRef), which 'correlations TRAJ --events' compares;
        // absent only for a p_hop directory written before softglass recorded it
        if (r.header().trajectory() != null) m.trajectory(r.header().trajectory());
        m.param("tR_effective", r.header().effectiveTR()).param("half_window_frames", r.header().halfWindow())
                .output(out).result("frames", r.frames()).result("particles", r.header().size())
                .result("events", det.events().size()).result("open_at_end", open)
                .result("max_p_star", det.events().stream().mapToDouble(Event::pStar).max().orElse(0))
                .write(Path.of(out + ".manifest.json"));
        return ExitCodes.OK;
    }
}
