package org.softglass.cli.models;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.trsp.TrspPresets;
import org.softglass.study.trsp.TrspSetup;
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

    /** The parameters from --params or --preset (exactly one). */
    ModelParameters parameters() throws IOException {
        if ((params == null) == (preset == null)) throw new IllegalArgumentException("give exactly one of --params FILE or --preset NAME");
        return params != null ? ModelParameters.read(params) : TrspPresets.byName(preset);
    }

    /** The model of these options for a TRSP study: the parameters, their file or preset, L, m, c and the tolerance. */
    TrspSetup setup() throws IOException {
        return new TrspSetup(parameters(), params, preset, side, clusterSize, facilitation, tol);
    }
}
