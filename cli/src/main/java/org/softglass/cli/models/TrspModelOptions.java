package org.softglass.cli.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.softglass.core.io.Manifest;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.TrspPresets;
import picocli.CommandLine.Option;

/** The model options shared by the {@code trsp} subcommands (a picocli mixin). */
final class TrspModelOptions {
    @Option(names = "--params", paramLabel = "FILE", description = "Model-parameter JSON (softglass.model-parameters/1) with meanS, cS, sigmaDelta, rhoDelta.")
    Path params;

    @Option(names = "--preset", paramLabel = "NAME", description = "Built-in parameters instead of --params: ka-002.")
    String preset;

    @Option(names = "--L", defaultValue = "20", description = "Lattice side.")
    int side;

    @Option(names = "--m", defaultValue = "4", description = "Rearranging cluster size, 1 or 4.")
    int clusterSize;

    @Option(names = "--facilitation", defaultValue = "1", paramLabel = "C", description = "Facilitation factor c: K_Δ → c K_Δ.")
    double facilitation;

    @Option(names = "--tol", defaultValue = "1e-2", description = "Window truncation tolerance of the kick; 0 = full dense update.")
    double tol;

    /**
     * Refuses --L, --m, --facilitation and a trajectory count whose memory cannot fit, before anything is allocated
     * ({@link org.softglass.study.trsp.TrspStudy#checkLattice}, {@link org.softglass.study.trsp.TrspStudy#checkMemory}).
     *
     * @throws IllegalArgumentException naming the option
     */
    void checkSizes(int trajectories, int threads) {
        org.softglass.study.trsp.TrspStudy.checkLattice(side, clusterSize, facilitation);
        org.softglass.study.trsp.TrspStudy.checkMemory(side, trajectories, threads);
    }

    /** The parameters from --params or --preset (exactly one). */
    ModelParameters parameters() throws IOException {
        if ((params == null) == (preset == null)) throw new IllegalArgumentException("give exactly one of --params FILE or --preset NAME");
        return params != null ? ModelParameters.read(params) : TrspPresets.byName(preset);
    }

    TrspModel model(ModelParameters p, double t) {
        if (tol < 0 || tol >= 1) throw new IllegalArgumentException("--tol must be in [0, 1), got " + tol);
        return TrspModel.of(p, t, side, clusterSize, facilitation);
    }

    void describe(Manifest m) throws IOException {
        if (params != null) m.input(params);
        m.param("preset", preset).param("L", side).param("m", clusterSize).param("facilitation", facilitation).param("tol", tol);
    }

    static List<Double> temperatures(List<Double> ts, String name) {
        for (double t : ts) if (!(t > 0)) throw new IllegalArgumentException(name + " values must be > 0, got " + t);
        return ts;
    }
}
