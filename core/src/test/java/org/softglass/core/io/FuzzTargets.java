package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.softglass.core.barriers.PhopTable;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.rearrange.TrainsetWriter;
import org.softglass.core.structure.FeatureFiles;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.core.space.Box;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.core.structure.SpecFile;
import org.softglass.core.trap.TauTable;

/** Every fuzzed parser of core, with the invariants a successful parse must satisfy. */
public final class FuzzTargets {
    private FuzzTargets() {}

    /** At most this many frames are read from one fuzzed trajectory. */
    private static final int MAX_FRAMES = 10_000;

    public static final FuzzTarget LAMMPS_DUMP = new FuzzTarget("lammps-dump", "fuzz.dump", true, Map.of(),
            file -> readAll(LammpsDumpReader.open(file)));

    public static final FuzzTarget EXTXYZ = new FuzzTarget("extxyz", "fuzz.xyz", true, Map.of(), file -> readAll(ExtendedXyzReader.open(file)));

    /** HOOMD GSD through the format detection of {@link TrajectoryReader#open}, as every command reads it. */
    public static final FuzzTarget GSD = new FuzzTarget("gsd", "fuzz.gsd", false, Map.of(), file -> readAll(TrajectoryReader.open(file)));

    /** Reads and checks up to {@link #MAX_FRAMES} frames, then closes the reader. */
    private static void readAll(TrajectoryReader reader) throws IOException {
        try (TrajectoryReader r = reader) {
            for (int k = 0; k < MAX_FRAMES; k++) {
                try (Frame f = r.next()) {
                    if (f == null) break;
                    checkFrame(f);
                }
            }
        }
    }

    public static final FuzzTarget NPY = new FuzzTarget("npy", "fuzz.npy", false, Map.of(), file -> {
        NpyArray a = NpyReader.read(file);
        assertTrue(a.rank() == 1 || a.rank() == 2, "rank " + a.rank());
        long n = 1;
        for (long s : a.shape()) {
            assertTrue(s >= 0, "negative extent");
            n *= s;
        }
        assertEquals(n, a.size(), "elements vs shape");
        try (NpyReader r = NpyReader.open(file)) { // the streaming path too
            double[] row = new double[a.rank() == 2 ? a.columns() : 1];
            for (long i = 0; row.length > 0 && i < n / row.length; i++) r.readRow(row);
        }
    });

    public static final FuzzTarget SPEC = new FuzzTarget("spec", "spec.json", false, Map.of(), file -> {
        DescriptorSpec s = SpecFile.read(file);
        assertTrue(s.rmax() > 0 && Double.isFinite(s.rmax()), "rmax " + s.rmax());
        assertTrue(s.species().length > 0, "no species");
    });

    public static final FuzzTarget MODEL_PARAMETERS = new FuzzTarget("model-parameters", "model-parameters.json", false, Map.of(),
            file -> {
                ModelParameters p = ModelParameters.read(file);
                assertTrue(p.tauR() > 0 && Double.isFinite(p.tauR()), "tauR");
                assertTrue(p.rho().sigma0() > 0, "rho.sigma0");
                assertTrue(p.barriers().t0() > 0, "t0");
            });

    public static final FuzzTarget SOFTNESS_MODEL = new FuzzTarget("softness-model", "model.json", false, Map.of(), file -> {
        SoftnessModel m = SoftnessModel.read(file);
        for (double w : m.plane().w()) assertTrue(Double.isFinite(w), "weight");
        assertTrue(Double.isFinite(m.plane().b()), "bias");
    });

    public static final FuzzTarget FEATURES_JSON = new FuzzTarget("features-json", "features.json", false, Map.of(), file -> {
        List<Map<String, Object>> c = FeatureFiles.readColumns(file);
        assertTrue(!c.isEmpty(), "no columns");
        for (String n : FeatureFiles.names(c)) assertNotNull(n, "column name");
    });

    public static final FuzzTarget PHOP_JSON = new FuzzTarget("phop-json", "phop.json", false,
            Map.of("phop.npy", npyF8(3, 2)), file -> {
                PhopTable t = PhopTable.read(file.getParent());
                assertEquals(t.times().length, t.phop().length, "frames");
                assertEquals(t.timesteps().length, t.times().length, "timesteps");
                for (double[] row : t.phop()) assertEquals(t.ids().length, row.length, "columns");
            });

    public static final FuzzTarget TAU_CSV = new FuzzTarget("tau-csv", "tau.csv", false, Map.of(), file -> {
        TauTable t = TauTable.read(file);
        assertTrue(t.temperatures().length >= 3, "rows");
        assertEquals(t.temperatures().length, t.taus().length, "columns");
        for (int i = 0; i < t.taus().length; i++) {
            assertTrue(t.temperatures()[i] > 0 && Double.isFinite(t.temperatures()[i]), "T");
            assertTrue(t.taus()[i] > 0 && Double.isFinite(t.taus()[i]), "tau");
        }
    });

    public static final FuzzTarget SAMPLES_CSV = new FuzzTarget("samples-csv", "samples.csv", false,
            Map.of("features.json", "{\"schema\":\"softglass.features/1\",\"rows\":4,\"dtype\":\"f8\",\"columns\":[{\"name\":\"a\"},{\"name\":\"b\"}]}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), "samples_features.npy", npyF8(4, 2)), file -> {
                TrainsetWriter.TrainingSet s = TrainsetWriter.read(file.getParent());
                assertEquals(s.x().length, s.labels().length, "rows");
                for (int l : s.labels()) assertTrue(l == 0 || l == 1, "label " + l);
            });

    /** All targets. */
    public static final List<FuzzTarget> ALL = List.of(LAMMPS_DUMP, EXTXYZ, GSD, NPY, SPEC, MODEL_PARAMETERS, SOFTNESS_MODEL,
            FEATURES_JSON, PHOP_JSON, TAU_CSV, SAMPLES_CSV);

    /** The invariants of a frame returned by a reader. */
    static void checkFrame(Frame f) {
        Box b = f.box();
        for (int a = 0; a < 3; a++) {
            assertTrue(b.length(a) > 0 && Double.isFinite(b.length(a)) && Double.isFinite(b.lo(a)), "box " + b);
        }
        ParticleStore p = f.particles();
        int n = f.size();
        assertTrue(n >= 0, "size");
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                double x = p.pos(i, a);
                assertTrue(Double.isFinite(x), "non-finite position of slot " + i);
                assertTrue(x >= b.lo(a) - 1e-9 * b.length(a) && x <= b.hi(a) + 1e-9 * b.length(a),
                        "position " + x + " outside the box " + b + " (slot " + i + ")");
            }
            assertTrue(p.species(i) >= 0, "negative species");
            if (i > 0) assertTrue(p.id(i) > p.id(i - 1), "ids not strictly ascending at slot " + i);
        }
        for (double[] e : f.extras().values()) assertEquals(n, e.length, "extra column length");
    }

    /** A valid float64 (rows, cols) .npy of zeros. */
    static byte[] npyF8(int rows, int cols) {
        try {
            Path tmp = Files.createTempFile("fuzz-companion", ".npy");
            try {
                NpyWriter.write(tmp, NpyDType.FLOAT64, new double[rows][cols]);
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
