package org.softglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command list of {@code softglass --help} shows each command's first description line: it must be a
 * whole sentence (ending in '.'), not a line cut mid-sentence, and name no file of the development tree.
 */
class HelpTextTest {
    private static void collect(CommandLine cl, List<CommandLine> out) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandName().equals("help") || out.contains(sub)) continue;
            out.add(sub);
            collect(sub, out);
        }
    }

    @Test
    void everyCommandSummaryIsAWholeSentence() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        assertTrue(all.size() > 25, "commands found: " + all.size());
        for (CommandLine c : all) {
            String[] d = c.getCommandSpec().usageMessage().description();
            String name = c.getCommandSpec().qualifiedName();
            assertTrue(d.length > 0, name + " has no description");
            String first = d[0].strip();
            assertTrue(first.endsWith("."), name + ": summary cut mid-sentence: '" + first + "'");
            assertFalse(first.contains("shared/") || first.contains("DESIGN"), name + ": names a development file: " + first);
        }
    }

    @Test
    void everyCommandPrintsItsHelp() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        for (CommandLine c : all) {
            List<String> args = new ArrayList<>(List.of(c.getCommandSpec().qualifiedName(" ").split(" ")));
            args.removeFirst();   // the root's name
            args.add("--help");
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.out().contains("Usage:"), String.join(" ", args));
        }
    }

    /** With showDefaultValues on, a required option must not show its field's initial value (0 for a double) as a default. */
    @Test
    void requiredOptionsShowNoDefault() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        for (CommandLine c : all) {
            assertTrue(c.getCommandSpec().usageMessage().showDefaultValues(), c.getCommandSpec().qualifiedName());
            for (CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
                if (o.required() && o.defaultValue() == null && o.initialValue() != null) {   // e.g. a required double: 0.0
                    assertEquals(CommandLine.Help.Visibility.NEVER, o.showDefaultValue(), c.getCommandSpec().qualifiedName() + " " + o.longestName());
                }
            }
        }
    }

    /** Enum options take any case and refuse other values in one usage line naming the option. */
    @Test
    void enumOptionsTakeAnyCaseAndNameTheOptionOnABadValue() {
        CliRunner.Result bad = CliRunner.run("train", "nowhere", "--solver", "newton", "--out", "nowhere-out");
        assertEquals(ExitCodes.USAGE, bad.code(), bad.err());
        assertTrue(bad.err().startsWith("softglass: Invalid value for option '--solver'") && bad.err().contains("DUAL"), bad.err());
        CliRunner.Result mode = CliRunner.run("trainset", "nowhere", "--mode", "Histogram", "--out", "nowhere-out");
        assertEquals(ExitCodes.USAGE, mode.code(), mode.err());
        assertTrue(mode.err().contains("'--mode'") && mode.err().contains("TAILS"), mode.err());
    }
}
