package org.softglass.validation.published;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;

/** Writes the files of a small pipeline run directory with known contents, for the published-table tests. */
final class SyntheticRun {
    private SyntheticRun() {}

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** report/summary.json: N = 1000, T = 0.60, 0.50, 0.47, training at 0.47, cv_accuracy {@code cv} over 1000 samples, tau_alpha(0.47) = 520. */
    static void summary(Path run, double cv) throws IOException {
        write(run.resolve("report/summary.json"), String.format(Locale.ROOT, """
                {"schema":"softglass.pipeline-summary/1","settings":{"preset":"test","model":"ka","n":1000,"density":1.2,
                 "temperatures":[0.6,0.5,0.47],"dt":0.005,"train_temperatures":[0.47],"pc":0.6,"p_stable":0.02,"tau_c":8.0,"p_R":0.2,
                 "features":"radial"},
                 "md":[{"T":0.6,"tau_alpha_fs02":40.0},{"T":0.5,"tau_alpha_fs02":200.0},{"T":0.47,"tau_alpha_fs02":520.0}],
                 "softness_model":{"samples":1000,"cv_accuracy":%s}}
                """, cv));
    }

    /**
     * softness/T0.470 and phop/T0.470: 4 particles (ids 1–3 type A, id 4 type B), 6 frames.
     * Rearranging (p_hop &gt; 0.2) A particle-frames: id 1 at frames 0–2 (S &gt; 0 at 0, 1; S &lt; 0 at 2), id 2 at frame 3 (S &gt; 0),
     * id 3 at frame 4 (S &lt; 0) and frame 5 (p_hop NaN: the window does not fit, not counted). id 4 (B) rearranges with S &gt; 0 at every frame.
     * So n = (3, 1, 1), a = (2, 1, 0): P = 3/5, Var = [(2 − 1.8)² + (1 − 0.6)² + (0 − 0.6)²]/25.
     */
    static void softnessAndPhop(Path run) throws IOException {
        Path sd = run.resolve("softness/T0.470"), pd = run.resolve("phop/T0.470");
        Files.createDirectories(sd);
        Files.createDirectories(pd);
        int frames = 6, n = 4;
        double[][] phop = new double[frames][n];
        double[][] s = new double[frames][n];
        for (int f = 0; f < frames; f++) for (int i = 0; i < n; i++) { phop[f][i] = 0.05; s[f][i] = 0.5; }
        phop[0][0] = phop[1][0] = phop[2][0] = 0.5; s[2][0] = -0.3;
        phop[3][1] = 0.9;
        phop[4][2] = 0.3; s[4][2] = -1.0;
        phop[5][2] = Double.NaN;
        for (int f = 0; f < frames; f++) phop[f][3] = 0.7;   // B always rearranging, S > 0
        s[0][1] = 2.0;   // a soft A particle that is not rearranging: must not count
        double[] flat = new double[frames * n];
        long[] rows = new long[frames * n * 3];
        for (int f = 0, k = 0; f < frames; f++) for (int i = 0; i < n; i++, k++) {
            flat[k] = s[f][i];
            rows[3 * k] = f; rows[3 * k + 1] = 100L * f; rows[3 * k + 2] = i + 1;
        }
        NpyWriter.write(sd.resolve("softness.npy"), NpyDType.FLOAT64, flat);
        try (NpyWriter w = NpyWriter.open(sd.resolve("rows.npy"), NpyDType.INT64, frames * n, 3)) {
            for (int k = 0; k < frames * n; k++) w.writeRow(new long[] {rows[3 * k], rows[3 * k + 1], rows[3 * k + 2]});
        }
        NpyWriter.write(pd.resolve("phop.npy"), NpyDType.FLOAT64, phop);
        write(pd.resolve("phop.json"), """
                {"schema":"softglass.phop/1","tR":10.0,"dt":0.01,"times":[0,1,2,3,4,5],"timesteps":[0,100,200,300,400,500],
                 "ids":[1,2,3,4],"types":[1,1,1,2]}
                """);
    }
}
