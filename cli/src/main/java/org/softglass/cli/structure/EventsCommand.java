package org.softglass.cli.structure;

import org.softglass.cli.ExitCodes;
import org.softglass.cli.options.PhopWindow;
import org.softglass.cli.Formats;
import org.softglass.cli.RunOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.study.rearrange.EventsStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass events TRAJ|PHOPDIR --out FILE.csv}: rearrangement events from a trajectory (p_hop computed on the
 * fly) or from a {@code softglass phop} directory ({@link EventsStudy}).
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Rearrangement events: p_hop > p_L opens an event, the first frame with p_hop <= p_L closes it; p* = max p_hop in the event.",
                "Input: a LAMMPS trajectory (p_hop computed with --tr, --dt) or a directory written by 'softglass phop'.",
                "CSV columns: id,type,frame_start,frame_end,frame_peak,t_start,t_end,p_star (frame_end = -1 and t_end = NaN if still open at the end)."})
public final class EventsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TRAJ|PHOPDIR", description = "Trajectory (" + Formats.TRAJECTORY + "), or a directory holding phop.json and phop.npy.")
    Path input;

    @Option(names = "--pl", paramLabel = "P", defaultValue = "0.05", description = "Threshold p_L (sigma^2).")
    double pL;

    @Mixin
    PhopWindow window = new PhopWindow();


    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "Events CSV (and FILE.csv.manifest.json).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    Path out;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        EventsStudy.Request req = new EventsStudy.Request(input, pL, window.tR(), window.dt());
        EventsStudy.run(req, out, run.context());
        return ExitCodes.OK;
    }
}
