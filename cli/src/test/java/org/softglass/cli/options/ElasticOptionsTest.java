package org.softglass.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The elastic mixins ({@link InherentEnsemble} with its nested --model and --fmax-limit, {@link DipoleOptions},
 * {@link SolverToleranceOption}, {@link MesoelasticFitOption}) and {@link ShardFolders}: defaults, given values,
 * and the required positionals.
 */
class ElasticOptionsTest {
    @Command(name = "e")
    static final class Host {
        @Mixin InherentEnsemble ensemble = new InherentEnsemble();
        @Mixin DipoleOptions dipoles = new DipoleOptions();
        @Mixin SolverToleranceOption tol = new SolverToleranceOption();
        @Mixin MesoelasticFitOption fit = new MesoelasticFitOption();
    }

    @Command(name = "m")
    static final class MergeHost {
        @Mixin ShardFolders inputs = new ShardFolders();
    }

    private static Host parse(String... args) {
        Host h = new Host();
        new CommandLine(h).parseArgs(args);
        return h;
    }

    @Test
    void defaults() {
        Host h = parse("a.dump");
        assertEquals(List.of(Path.of("a.dump")), h.ensemble.dumps());
        assertEquals("ka", h.ensemble.model());
        assertEquals(1e-6, h.ensemble.fmaxLimit());
        assertNull(h.ensemble.parentTemperature());
        assertEquals(100, h.dipoles.count());
        assertFalse(h.dipoles.allPairs());
        assertEquals(1e-10, h.tol.tol());
        assertEquals(10, h.fit.minTauT0());
    }

    @Test
    void givenValues() {
        Host h = parse("a.dump", "b.dump", "--model", "ipl", "--fmax-limit", "1e-8", "-T", "0.7", "--dipoles", "5", "--all-pairs",
                "--tol", "1e-6", "--min-tau-t0", "0");
        assertEquals(List.of(Path.of("a.dump"), Path.of("b.dump")), h.ensemble.dumps());
        assertEquals("ipl", h.ensemble.model());
        assertEquals(1e-8, h.ensemble.fmaxLimit());
        assertEquals(0.7, h.ensemble.parentTemperature());
        assertEquals(5, h.dipoles.count());
        assertTrue(h.dipoles.allPairs());
        assertEquals(1e-6, h.tol.tol());
        assertEquals(0, h.fit.minTauT0());
        assertEquals(0.6, parse("a.dump", "--parent-temperature", "0.6").ensemble.parentTemperature(), "the older spelling");
        assertEquals(0.5, parse("a.dump", "--temperature", "0.5").ensemble.parentTemperature());
    }

    @Test
    void structuresAndShardsAreRequired() throws java.io.IOException {
        assertThrows(CommandLine.MissingParameterException.class, () -> parse("--model", "ka"));
        assertThrows(CommandLine.MissingParameterException.class, () -> new CommandLine(new MergeHost()).parseArgs("--out", "o"));
        MergeHost m = new MergeHost();
        new CommandLine(m).parseArgs("s1", "s0", "--out", "o");
        List<Object> seen = new java.util.ArrayList<>();
        assertEquals("r", m.inputs.merge((shards, out, ctx) -> {
            seen.add(shards);
            seen.add(out);
            seen.add(ctx.threads());
            return "r";
        }));
        assertEquals(List.of(List.of(Path.of("s1"), Path.of("s0")), Path.of("o"), 1), seen);
    }
}
