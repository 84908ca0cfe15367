package org.softglass.cli.models;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.trap.TrapPresets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code softglass trap equilibrium|relax|fragility|aging}: the trap-like model of paper {@code 000}
 * (package {@code org.softglass.core.trap}). Each subcommand writes CSV, PNG plots, the effective
 * parameters ({@code trap_parameters.json}, the model-parameter file format) and a
 * {@code NAME.manifest.json} into {@code --out DIR}.
 */
@Command(name = "trap", mixinStandardHelpOptions = true,
        description = {"The trap-like model of softness (paper 000): equilibrium <S>(T), relaxation Q(t) and chi4(t), fragility, aging.",
                "Ridout, Tah, Liu: fragility is eq 22, aging after a quench the master equation eq 5. Parameters: --preset ka (paper 001) or --params FILE."},
        subcommands = {TrapEquilibriumCommand.class, TrapRelaxCommand.class, TrapFragilityCommand.class, TrapAgingCommand.class})
public final class TrapCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Model options shared by the trap subcommands (a picocli mixin). */
    static final class ModelOptions {
        @Option(names = "--params", paramLabel = "FILE", description = "Model-parameter JSON file (softglass.model-parameters/1), e.g. from the softness analysis.")
        Path params;

        @Option(names = "--preset", paramLabel = "NAME", description = "Parameter preset when no --params is given: ka (paper 001 barriers, tau_R = 4 from 002, rho = N(0, 1)); default: ka.")
        String preset;

        @Option(names = "--s0", paramLabel = "S", description = "Override the mean S0 of rho(S).")
        Double s0;

        @Option(names = "--sigma-s", paramLabel = "W", description = "Override the width sigma0 of rho(S) (> 0).")
        Double sigmaS;

        @Option(names = "--tau-r", paramLabel = "T", description = "Override tau_R, the time window of P(R|S,T) (> 0).")
        Double tauR;

        @Option(names = "--eps0", paramLabel = "E", description = "Override epsilon0 of Delta E(S) = eps0 + eps1 S + eps2 S^2 (DESIGN 5).")
        Double eps0;

        @Option(names = "--eps1", paramLabel = "E", description = "Override epsilon1 (< 0 when softer particles have lower barriers).")
        Double eps1;

        @Option(names = "--eps2", paramLabel = "E", description = "Override epsilon2.")
        Double eps2;

        @Option(names = "--entropy0", paramLabel = "S", description = "Override Sigma0 of Sigma(S) = Sigma0 + (eps1/T0) S + (eps2/T0) S^2.")
        Double entropy0;

        @Option(names = "--t0", paramLabel = "T", description = "Override the onset temperature T0 (> 0).")
        Double t0;

        @Option(names = "--m", paramLabel = "M", defaultValue = "1", description = "Particles per site in chi4 = m(Q - Q^2).")
        double m;

        ModelParameters parameters() throws IOException {
            if (params != null && preset != null) throw new IllegalArgumentException("give --params or --preset, not both");
            ModelParameters p = params != null ? ModelParameters.read(params) : TrapPresets.byName(preset == null ? "ka" : preset);
            if (s0 == null && sigmaS == null && tauR == null && eps0 == null && eps1 == null && eps2 == null
                    && entropy0 == null && t0 == null) return p;
            if (t0 != null && !(t0 > 0)) throw new IllegalArgumentException("--t0 must be > 0, got " + t0);
            var b = p.barriers();
            var barriers = new ModelParameters.Barriers(eps0 != null ? eps0 : b.eps0(), eps1 != null ? eps1 : b.eps1(),
                    eps2 != null ? eps2 : b.eps2(), entropy0 != null ? entropy0 : b.sigma0(), t0 != null ? t0 : b.t0());
            if (sigmaS != null && !(sigmaS > 0)) throw new IllegalArgumentException("--sigma-s must be > 0, got " + sigmaS);
            if (tauR != null && !(tauR > 0)) throw new IllegalArgumentException("--tau-r must be > 0, got " + tauR);
            var rho = new ModelParameters.Gaussian(s0 != null ? s0 : p.rho().s0(), sigmaS != null ? sigmaS : p.rho().sigma0());
            return new ModelParameters(barriers, rho, tauR != null ? tauR : p.tauR(), p.meanS(), p.cS(), p.sigmaDelta(),
                    p.rhoDelta(), p.errors(), p.provenance());
        }

        double m() {
            if (!(m > 0) || !Double.isFinite(m)) throw new IllegalArgumentException("--m must be > 0, got " + m);
            return m;
        }

        /** The model of these options for the trap study: the parameters, their file or preset, and m (refused unless &gt; 0). */
        org.softglass.study.trap.TrapStudy.Model study() throws IOException {
            ModelParameters p = parameters();
            m();
            return studyModel(p);
        }

        /** The same, with --m as given: for the studies that only record m or check it where they use it. */
        org.softglass.study.trap.TrapStudy.Model studyModel() throws IOException { return studyModel(parameters()); }

        private org.softglass.study.trap.TrapStudy.Model studyModel(ModelParameters p) {
            return new org.softglass.study.trap.TrapStudy.Model(p, params, params != null ? null : preset == null ? "ka" : preset, m);
        }
    }
}
