package org.softglass.cli.elastic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.options.OutputDir;
import org.softglass.cli.options.SerialRunOptions;
import org.softglass.study.mesoelastic.MesoelasticPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass mesoelastic-pool RUN... --out DIR}: several finished {@code mesoelastic-study} directories that differ
 * only in {@code --seed} (e.g. the jobs of a cluster) pooled into one table, fit and set of figures
 * ({@link MesoelasticPool}).
 */
@Command(name = "mesoelastic-pool", mixinStandardHelpOptions = true,
        description = {"Pools finished mesoelastic-study directories that differ only in --seed into one study.",
                "Per parent temperature: kappa and G over the structures of all runs (mean, standard error, median of every kappa_ij), F_s averaged over the runs",
                "and tau_alpha where that mean reaches 0.2, with the standard error of the runs' own tau_alpha; then the table, the eq 3 fit against paper 004",
                "and the figures, as mesoelastic-study writes them. The way to paper 004's ensembles (Table II: 10 000 IPL structures per T_p) from cluster jobs.",
                "Writes DIR/table.csv, DIR/mesoelastic_fit.json, DIR/published_vs_measured.csv, the figures, DIR/manifest.json and DIR/T<T_p>/{row.json,fs/fs.csv}."})
public final class MesoelasticPoolCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "RUN", description = "mesoelastic-study output directories (every temperature finished; the same settings but --seed).")
    List<Path> runs;

    @Mixin
    OutputDir out = new OutputDir();

    @Mixin
    SerialRunOptions run = new SerialRunOptions();

    @Override
    public Integer call() throws IOException {
        MesoelasticPool.Result r = MesoelasticPool.run(runs, out.dir(), run.context());
        for (String w : r.warnings()) System.err.println("softglass: warning: " + w);
        if (!run.quiet()) {
            System.out.printf("mesoelastic-pool: %d runs pooled%n", r.runs());
            MesoelasticSummary.print(r.rows(), r.fit());
        }
        return ExitCodes.OK;
    }
}
