package org.softglass.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.Models;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The MD mixins ({@link MdSystemOptions}, {@link ThermostatOptions}, {@link MeltOptions}, {@link EquilibrationOption},
 * {@link AgingQuenchOptions}): each host command keeps its own defaults, the given values win, and the help shows the
 * host's default.
 */
class MdOptionsTest {
    /** A command with the defaults of simulate. */
    @Command(name = "a")
    static final class SimulateLike {
        @Mixin MdSystemOptions system = new MdSystemOptions();
        @Mixin ThermostatOptions thermostat = new ThermostatOptions();
        @Mixin MeltOptions melt = new MeltOptions();
        @Mixin EquilibrationOption equilibrate = new EquilibrationOption(10000);
    }

    /** A command with the defaults of mesoelastic-study. */
    @Command(name = "b")
    static final class MesoLike {
        @Mixin MdSystemOptions system = new MdSystemOptions(256);
        @Mixin ThermostatOptions thermostat = new ThermostatOptions(0.2);
        @Mixin EquilibrationOption equilibrate = new EquilibrationOption(4000);
    }

    @Command(name = "c")
    static final class AgingLike {
        @Mixin AgingQuenchOptions quench = new AgingQuenchOptions();
    }

    private static <T> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void defaultsAreTheHostCommands() {
        SimulateLike a = parse(new SimulateLike());
        assertEquals(1000, a.system.n());
        assertNull(a.system.density());
        assertEquals(Models.defaultDensity("ipl"), a.system.density("ipl"));
        assertEquals(0.005, a.thermostat.dt());
        assertEquals(0.5, a.thermostat.tdamp());
        assertEquals(2.0, a.melt.temperature());
        assertEquals(10000, a.equilibrate.steps());
        MesoLike b = parse(new MesoLike());
        assertEquals(256, b.system.n());
        assertEquals(0.2, b.thermostat.tdamp());
        assertEquals(4000, b.equilibrate.steps());
    }

    @Test
    void givenValuesWin() {
        MesoLike b = parse(new MesoLike(), "--n", "64", "--density", "0.9", "--dt", "0.002", "--tdamp", "1", "--equilibrate", "7");
        assertEquals(64, b.system.n());
        assertEquals(0.9, b.system.density("ka"));
        assertEquals(0.002, b.thermostat.dt());
        assertEquals(1.0, b.thermostat.tdamp());
        assertEquals(7, b.equilibrate.steps());
    }

    /** A random start melts 2000 steps by default, a run from a file none, unless --melt-steps says otherwise. */
    @Test
    void meltStepsDependOnTheStart() {
        SimulateLike a = parse(new SimulateLike());
        assertEquals(MeltOptions.DEFAULT_STEPS, a.melt.steps());
        assertEquals(MeltOptions.DEFAULT_STEPS, a.melt.steps(null));
        assertEquals(0, a.melt.steps(Path.of("start.dump")));
        SimulateLike given = parse(new SimulateLike(), "--melt-steps", "30", "--melt-temperature", "3");
        assertEquals(30, given.melt.steps(Path.of("start.dump")));
        assertEquals(30, given.melt.steps());
        assertEquals(3.0, given.melt.temperature());
    }

    @Test
    void helpShowsEachHostsDefault() {
        CommandLine a = new CommandLine(new SimulateLike()), b = new CommandLine(new MesoLike());
        assertEquals("1000", a.getCommandSpec().findOption("--n").defaultValueString());
        assertEquals("256", b.getCommandSpec().findOption("--n").defaultValueString());
        assertEquals("0.5", a.getCommandSpec().findOption("--tdamp").defaultValueString());
        assertEquals("0.2", b.getCommandSpec().findOption("--tdamp").defaultValueString());
        b.getCommandSpec().usageMessage().showDefaultValues(true);
        String help = b.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(help.contains("Default: 256") && help.contains("Default: 0.2") && help.contains("Default: 4000"), help);
    }

    @Test
    void agingQuenchReadsTheTemperatures() {
        AgingLike c = parse(new AgingLike(), "--tf", "0.5,0.4");
        assertEquals(1.0, c.quench.initial());
        assertEquals(List.of(0.5, 0.4), c.quench.finals());
        assertEquals(0.8, parse(new AgingLike(), "--ti", "0.8", "--tf", "0.3").quench.initial());
    }
}
