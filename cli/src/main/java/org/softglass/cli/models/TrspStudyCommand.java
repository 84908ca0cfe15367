package org.softglass.cli.models;

import org.softglass.cli.options.OutputRunOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What the TRSP subcommands that simulate take (run, aging): the model ({@link TrspModelOptions}), how its dynamics is
 * sampled ({@link TrspSampling}: independent trajectories in parallel on {@code --threads}), and the directory the CSV,
 * PNG and manifest go to.
 */
abstract class TrspStudyCommand implements Callable<Integer> {
    @Mixin TrspModelOptions model = new TrspModelOptions();
    @Mixin OutputRunOptions run = new OutputRunOptions();
    @Mixin TrspSampling sampling = new TrspSampling();
}
