package org.softglass.cli.softness;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.softglass.cli.CliRunner;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.params.ModelParameters;

/**
 * The small synthetic inputs of the softness command tests, written in the file-contract formats
 * (features.npy/rows.npy/features.json, samples.csv/samples_features.npy, phop.npy/phop.json, a model file):
 * M = 3 radial columns, N = 400 particles, F = 20 frames; labels and rearrangements follow a planted
 * P(R|s,T) with s = u·g ({@link #TRUTH}).
 */
public final class SoftnessFixtures {
    private SoftnessFixtures() {}

    static final int M = 3, N = 400, F = 20;
    static final double[] U = {0.8, 0.6, 0.0};
    static final ModelParameters.Barriers TRUTH = new ModelParameters.Barriers(2.5, -0.9, 0.05, 1.0, 0.86);
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The "trajectory" record of a synthetic product: the file name and a made-up SHA-256 (64 hex digits
     * derived from the name), so products of one synthetic trajectory match and those of others do not.
     */
    static String trajectoryRecord(String name) {
        String hex = String.format("%064x", new java.math.BigInteger(1, name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).mod(java.math.BigInteger.TWO.pow(256)));
        return "\"trajectory\":{\"file\":\"" + name + "\",\"sha256\":\"" + hex + "\"}";
    }

    static void featuresJson(Path dir, long rows) throws IOException {
        featuresJson(dir, rows, "synthetic.dump", "f8");
    }

    static void featuresJson(Path dir, long rows, String trajectory, String dtype) throws IOException {
        StringBuilder c = new StringBuilder();
        for (int j = 0; j < M; j++) c.append(j > 0 ? "," : "").append("{\"name\":\"G_A(mu=").append(j + 1).append(".0,w=0.1)\",\"kind\":\"radial\",\"species\":\"A\",\"mu\":").append(j + 1).append(",\"w\":0.1}");
        Files.writeString(dir.resolve("features.json"), "{\"schema\":\"softglass.features/1\",\"preset\":null,\"rmax\":5,\"columns\":[" + c
                + "],\"mean\":[0,0,0],\"std\":[1,1,1],\"rows\":" + rows + ",\"dtype\":\"" + dtype + "\",\"center_species\":\"A\",\"input\":\"" + trajectory + "\","
                + trajectoryRecord(trajectory) + "}");
    }

    static Path trainingSet(Path root, Random rnd) throws IOException {
        Path d = Files.createDirectories(root.resolve("train"));
        int n = 600;
        double[][] x = new double[n][M];
        StringBuilder csv = new StringBuilder("frame,timestep,id,type,label,phop\n");
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            for (int j = 0; j < M; j++) x[i][j] = rnd.nextGaussian() + (label == 1 ? 1.2 : -1.2) * U[j];
            csv.append(i % F).append(',').append((i % F) * 200).append(',').append(1 + i % N).append(",1,").append(label).append(',').append(label == 1 ? 0.8 : 0.005).append('\n');
        }
        Files.writeString(d.resolve("samples.csv"), csv);
        NpyWriter.write(d.resolve("samples_features.npy"), NpyDType.FLOAT64, x);
        featuresJson(d, n);
        return d;
    }

    /** Descriptors and p_hop at one temperature; rearranging with the planted P(R|s,T), s = u·g. */
    static Path[] temperature(Path root, double t, Random rnd) throws IOException {
        Path fd = Files.createDirectories(root.resolve("feat" + t)), pd = Files.createDirectories(root.resolve("phop" + t));
        double[][] g = new double[F * N][M];
        double[][] phop = new double[F][N];
        try (NpyWriter rows = NpyWriter.open(fd.resolve("rows.npy"), NpyDType.INT64, (long) F * N, 3)) {
            for (int f = 0; f < F; f++) {
                for (int i = 0; i < N; i++) {
                    double s = 0;
                    for (int j = 0; j < M; j++) { g[f * N + i][j] = 1.5 * rnd.nextGaussian(); s += U[j] * g[f * N + i][j]; }
                    boolean r = rnd.nextDouble() < Math.exp(TRUTH.logProbability(s, t));
                    phop[f][i] = (f == 0 || f == F - 1) ? Double.NaN : r ? 0.5 : 0.01;
                    rows.writeRow(new long[] {f, f * 200L, i + 1});
                }
            }
        }
        NpyWriter.write(fd.resolve("features.npy"), NpyDType.FLOAT32, g);
        featuresJson(fd, (long) F * N, "synthetic-T" + t + ".dump", "f4");
        NpyWriter.write(pd.resolve("phop.npy"), NpyDType.FLOAT64, phop);
        StringBuilder times = new StringBuilder(), steps = new StringBuilder(), ids = new StringBuilder(), types = new StringBuilder();
        for (int f = 0; f < F; f++) { times.append(f > 0 ? "," : "").append(f * 1.0); steps.append(f > 0 ? "," : "").append(f * 200); }
        for (int i = 0; i < N; i++) { ids.append(i > 0 ? "," : "").append(i + 1); types.append(i > 0 ? "," : "").append(1); }
        Files.writeString(pd.resolve("phop.json"), "{\"schema\":\"softglass.phop/1\",\"tR\":10,\"dt\":0.005,\"times\":[" + times + "],\"timesteps\":["
                + steps + "],\"ids\":[" + ids + "],\"types\":[" + types + "],\"half_window_frames\":5," + trajectoryRecord("synthetic-T" + t + ".dump") + "}");
        return new Path[] {fd, pd};
    }

    /** A model on the fluidity-100 descriptors of A particles with seeded random weights (what train would write, minus the fit). */
    static Path model(Path file, long seed) throws IOException {
        var spec = org.softglass.core.structure.DescriptorSpec.preset("fluidity-100");
        int m = spec.columnCount();
        java.util.Random rnd = new java.util.Random(seed);
        double[] w = new double[m], mean = new double[m], std = new double[m];
        for (int j = 0; j < m; j++) { w[j] = rnd.nextGaussian(); mean[j] = rnd.nextDouble(); std[j] = 0.5 + rnd.nextDouble(); }
        new org.softglass.core.softness.SoftnessModel(new org.softglass.core.softness.Hyperplane(w, 0.1),
                new org.softglass.core.softness.Standardization(mean, std), org.softglass.core.structure.FeatureFiles.columnMaps(spec),
                Map.of("feature_set", Map.of("preset", "fluidity-100", "center_species", "A"))).write(file);
        return file;
    }

    /**
     * {@code trainset TRAJ --mode MODE} with t_R = 4 and tails of {@code tailFraction} of the {@code species}
     * particles, {@code features} as the descriptors, 2 threads, quiet, into {@code out}.
     */
    public static CliRunner.Result trainsetTails(Path traj, String mode, String species, String features, String tailFraction, Path out) {
        return CliRunner.run("trainset", traj.toString(), "--mode", mode, "--tr", "4", "--tail-fraction", tailFraction,
                "--species", species, "--features", features, "--out", out.toString(), "--quiet", "--threads", "2");
    }

    public static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
