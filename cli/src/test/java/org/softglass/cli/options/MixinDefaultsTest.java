package org.softglass.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softglass.cli.CliRunner;
import org.softglass.cli.Main;
import picocli.CommandLine;

/**
 * {@link MixinDefaults}: a command's own defaults for options of a shared mixin ({@link PhopLabelOptions},
 * {@link SvmTrainingOptions}, {@link BarrierFitOptions}) win over the mixin's annotated ones, in the parsed values and
 * in the help, while a value on the command line wins over both, and commands without a provider keep the mixin's.
 */
class MixinDefaultsTest {
    private static final String[] FIGURES = {"--traj", "T=0.5:a.dump", "--traj", "T=1:b.dump", "--out", "x"};

    /** The value of option {@code name} after parsing {@code args} with command {@code command}. */
    private static Object parsed(String command, String name, String... args) {
        CommandLine root = Main.commandLine();
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        root.parseArgs(all);
        return root.getSubcommands().get(command).getCommandSpec().findOption(name).getValue();
    }

    @Test
    void fluidityFiguresTakesPaper003Values() {
        assertEquals(0.2, (double) parsed("fluidity-figures", "--pc", FIGURES));
        assertEquals(0.0085, (double) parsed("fluidity-figures", "--p-stable", FIGURES));
        assertEquals(120.0, parsed("fluidity-figures", "--tau-c", FIGURES));
        assertEquals(0.01, (double) parsed("fluidity-figures", "--C", FIGURES));
        assertEquals("-3:3:24", parsed("fluidity-figures", "--bins", FIGURES));
        assertEquals(0.05, (double) parsed("fluidity-figures", "--pl-event", FIGURES));   // the mixin's own, shared
        String[] given = {"--traj", "T=0.5:a", "--traj", "T=1:b", "--out", "x", "--pc", "0.35"};
        assertEquals(0.35, (double) parsed("fluidity-figures", "--pc", given));
    }

    @Test
    void otherCommandsKeepTheMixinDefaults() {
        String[] trainset = {"traj.dump", "--out", "x"};
        assertEquals(0.6, (double) parsed("trainset", "--pc", trainset));
        assertEquals(0.02, (double) parsed("trainset", "--p-stable", trainset));
        assertNull(parsed("trainset", "--tau-c", trainset));
        assertEquals(1.0, (double) parsed("train", "--C", "dir", "--out", "m.json"));
        assertNull(parsed("barriers", "--bins", "--set", "T=1:a:b", "--out", "x"));
        assertEquals("-3:3:24", parsed("fluidity", "--bins", "m.json", "--test", "t", "--out", "x"));
    }

    @Test
    void helpShowsTheCommandsDefault() {
        String help = CliRunner.run("fluidity-figures", "--help").out();
        String pc = help.substring(help.lastIndexOf("--pc=P"), help.lastIndexOf("--pl-event=P"));
        assertTrue(pc.contains("Default: 0.2"), pc);
        String trainset = CliRunner.run("trainset", "--help").out();
        String tpc = trainset.substring(trainset.lastIndexOf("--pc=P"), trainset.lastIndexOf("--phop=DIR"));
        assertTrue(tpc.contains("Default: 0.6"), tpc);
    }
}
