package org.softglass.cli.pipeline;

import java.util.concurrent.Callable;
import org.softglass.cli.OutputGuard;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The commands that run the staged softness study ({@code pipeline}, {@code study}): their shared run options
 * ({@link PipelineRunOptions}: {@code --seed}, {@code --from}, {@code --status}, threads, executor) and the run directory
 * each names by default ({@link OutputGuard.DefaultOutput}), which is not locked while it is only read
 * ({@link OutputGuard.ReadOnly}: {@code --status}, one batch item, a slurm submission).
 */
abstract class PipelineRunCommand implements Callable<Integer>, OutputGuard.DefaultOutput, OutputGuard.ReadOnly {
    @Mixin
    PipelineRunOptions run = new PipelineRunOptions();

    @Spec
    CommandSpec cmd;

    @Override
    public boolean readsOnly() { return run.readsOnly(); }   // --item locks its own record
}
