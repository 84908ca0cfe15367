package org.softglass.cli.structure;

import org.softglass.cli.ExitCodes;
import org.softglass.cli.Formats;
import org.softglass.cli.OptionChecks;
import org.softglass.cli.Progress;
import org.softglass.cli.RunOptions;
import org.softglass.cli.Version;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.Frame;
import org.softglass.core.io.Manifest;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.rearrange.D2min;
import org.softglass.core.rearrange.TrajectoryStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code softglass d2min TRAJ --from A --to B --out FILE.csv}: Falk–Langer D²_min ({@link D2min}). */
@Command(name = "d2min", mixinStandardHelpOptions = true,
        description = {"Falk-Langer non-affine displacement D2_min of every particle between frames --from and --to of a trajectory.",
                "(Neighbours within --cutoff in the --from frame; best affine map per particle; sum over neighbours, not normalised).",
                "CSV columns: id,type,d2min,neighbors (d2min = NaN with fewer than 3 non-coplanar neighbours)."})
public final class D2minCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TRAJ", description = "Trajectory with unwrapped positions (image counts): " + Formats.TRAJECTORY + ".")
    Path trajectory;

    @Option(names = "--from", paramLabel = "FRAME", required = true, description = "Reference frame index (0-based).")
    int from;

    @Option(names = "--to", paramLabel = "FRAME", required = true, description = "Current frame index (> --from).")
    int to;

    @Option(names = "--cutoff", paramLabel = "R", defaultValue = "1.5", description = "Neighbour cutoff in the reference frame (sigma).")
    double cutoff;

    @Option(names = "--dt", paramLabel = "TIME", defaultValue = "0.005", description = "MD timestep.")
    double dt;

    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "Output CSV (and FILE.csv.manifest.json).")
    Path out;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        OptionChecks.positive(cutoff, "--cutoff");
        OptionChecks.positive(dt, "--dt");
        if (from < 0 || to <= from) throw new IllegalArgumentException("need 0 <= --from < --to, got --from " + from + " --to " + to);
        int nt = run.threads();
        Frame ref = null, cur = null;
        D2min.Result res;
        long[] ids;
        int[] types;
        try (TrajectoryStream ts = TrajectoryStream.open(trajectory, dt, false);
             Parallel par = new Parallel(nt); Progress bar = Progress.of("d2min", to + 1, "frames", run.quiet())) {
            for (Frame f; (f = ts.next()) != null; ) {
                int k = ts.frameIndex();
                if (k == from) ref = f;
                else if (k == to) cur = f;
                else f.close();
                bar.stepTo(k + 1);
                if (k == to) break;
            }
            if (cur == null) throw ts.error("has " + ts.framesRead() + " frames, expected at least " + (to + 1) + " for --to " + to);
            res = D2min.compute(ref, cur, cutoff, par);
            ids = ts.ids();
            types = ts.types();
        } finally {
            if (ref != null) ref.close();
            if (cur != null) cur.close();
        }
        double[] vals = res.d2min();
        int[] nb = res.neighbors();
        AtomicOutput.write(out, o -> {
            PrintWriter w = new PrintWriter(new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 1 << 16));
            w.println("id,type,d2min,neighbors");
            for (int i = 0; i < vals.length; i++) w.println(ids[i] + "," + types[i] + "," + vals[i] + "," + nb[i]);
            w.flush();
            if (w.checkError()) throw new IOException("error writing " + out);
        });
        double sum = 0;
        int defined = 0;
        for (double v : vals) if (!Double.isNaN(v)) { sum += v; defined++; }
        new Manifest(Version.get(), "d2min").param("from", from).param("to", to).param("cutoff", cutoff).param("dt", dt)
                .param("threads", nt).input(trajectory).output(out).result("particles", vals.length)
                .result("defined", defined).result("mean_d2min", defined == 0 ? null : sum / defined)
                .write(Path.of(out + ".manifest.json"));
        return ExitCodes.OK;
    }
}
