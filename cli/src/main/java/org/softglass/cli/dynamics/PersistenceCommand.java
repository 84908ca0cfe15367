package org.softglass.cli.dynamics;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.options.SpeciesConverter;
import org.softglass.cli.options.LagGridOptions;
import org.softglass.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.rearrange.Persistence;
import org.softglass.study.Species;
import org.softglass.study.dynamics.PersistenceStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass persistence PHOP_DIR --out DIR}: the persistence Q(t) and χ4(t) of the particles' rearrangements
 * (p_hop &gt; p_c) from a {@code softglass phop} directory ({@link PersistenceStudy}).
 */
@Command(name = "persistence", mixinStandardHelpOptions = true,
        description = {"Persistence Q(t) and chi4(t) = N Var Q of the particles' rearrangements, from a 'softglass phop' directory.",
                "Particle i rearranges at frame f when p_hop > p_c; it persists over lag k from origin t0 if it rearranges at no frame of [t0, t0+k].",
                "Q(k) and chi4(k) average over every origin whose window has p_hop defined for all selected particles; t = k * frame spacing.",
                "Writes DIR/persistence.csv (t,lag_frames,Q,Q_err,chi4,origins), DIR/persistence.json (tau_Q at Q = 1/e, tau_chi, chi4_star, ...),",
                "DIR/persistence.png and DIR/persistence.manifest.json."})
public final class PersistenceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PHOP_DIR", description = "Directory written by 'softglass phop' (phop.json, phop.npy).")
    Path input;

    @Option(names = "--pc", paramLabel = "P", defaultValue = "0.2", description = "Threshold p_c (sigma^2): p_hop > p_c is rearranging.")
    double pc;

    @Option(names = "--species", paramLabel = "A|B|all", defaultValue = "all", converter = SpeciesConverter.class, description = "Particles counted: A (type 1), B (type 2) or all.")
    Species species;

    @Mixin
    LagGridOptions lags = new LagGridOptions();

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws IOException {
        PersistenceStudy.Result res = PersistenceStudy.run(new PersistenceStudy.Request(input, pc, species, lags.perDecade(), lags.maxLag()), run.dir(),
                run.context());
        Persistence.Result r = res.persistence();
        if (!run.quiet()) {
            System.out.println(Chi4Summary.line("persistence", r.particles(), species, "p_c = " + pc, r.tauQ(), r.tauChi(), r.chi4Star()) + " -> " + run.dir());
        }
        return ExitCodes.OK;
    }
}
