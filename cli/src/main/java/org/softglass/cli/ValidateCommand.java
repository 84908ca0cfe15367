package org.softglass.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.core.io.FileTree;
import org.softglass.core.io.Manifest;
import org.softglass.validation.Check;
import org.softglass.validation.Checks;
import org.softglass.validation.Context;
import org.softglass.validation.Report;
import org.softglass.validation.Result;
import org.softglass.validation.published.Comparison;
import org.softglass.validation.published.PublishedTable;
import org.softglass.validation.published.RunDirectory;
import org.softglass.validation.published.RunSetup;
import org.softglass.validation.published.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code softglass validate}: runs the validation catalogue ({@link Checks}: LAMMPS parity, finite
 * differences and brute-force oracles, MD against published KA values, the trap and TRSP models
 * against closed forms and Monte Carlo) and prints a table check / expected / measured / tolerance /
 * result. One progress line per check on stderr (not with {@code --quiet}). Exit code 0 when every
 * check passes, {@link ExitCodes#FAILED} when any fails (a check that throws counts as failed);
 * a missing fixtures directory is an input error ({@link ExitCodes#INPUT}).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check softglass against physical invariants, LAMMPS references and published values, or a run against the papers.",
                "Prints a table: check, expected, measured, tolerance, pass/FAIL. Exit code 0 if all pass, 1 if any fails.",
                "JSON (--json) has schema softglass.validation/1.",
                "With --published RUN: instead, the published-versus-measured table of papers 000-002 for the KA numbers of one pipeline run",
                "directory (quantity, paper value, citation, ours +- err, agrees yes/no/undecided/n.a., where the set-up differs);",
                "--json FILE writes it with schema softglass.published/1, --out DIR writes DIR/published.csv and DIR/published.json.",
                "Exit code 0 whenever the table could be evaluated: a disagreement is data, not an error; 3 when RUN is not a run directory."})
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--full", description = "Also run the slow checks (minutes each), e.g. the N=4000 diffusion run.")
    boolean full;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Run only these checks (comma-separated catalogue names; --list shows them).")
    List<String> only;

    @Option(names = "--list", description = "List the checks (name, set, what is compared) and exit.")
    boolean list;

    @Option(names = "--published", paramLabel = "RUN", description = "Print the published-versus-measured table for the pipeline run directory RUN (no checks are run).")
    Path published;

    @Option(names = "--out", paramLabel = "DIR", description = "With --published: write DIR/published.csv, DIR/published.json and DIR/published.manifest.json.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON (schema softglass.validation/1; with --published softglass.published/1), atomically, plus FILE.manifest.json.")
    Path json;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "The shared fixtures directory (with lammps/ inside); default: ../shared/fixtures beside the repository.")
    Path fixtures;

    @Option(names = "--seed", defaultValue = "0", description = "Seed offset added to every check's own seed (default: ${DEFAULT-VALUE}, the documented runs).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    long seed;

    @Mixin
    RunOptions run = new RunOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (published != null) return publishedTable();
        if (out != null) throw new IllegalArgumentException("--out DIR is only used with --published RUN");
        if (list) {
            for (Check c : Checks.all()) System.out.printf("%-30s %-7s %s%n", c.name(), c.full() ? "full" : "default", c.description());
            System.out.flush();
            return ExitCodes.OK;
        }
        List<Check> checks = only != null ? Checks.byNames(only) : full ? Checks.all() : Checks.defaults();
        int nt = run.threads();
        Path fx = (fixtures != null ? fixtures : defaultFixtures()).toAbsolutePath().normalize();
        if (!Files.isDirectory(fx.resolve("lammps"))) {
            throw new IOException("fixtures directory not found: " + fx + " (expected the shared fixtures with lammps/ inside; set it with --fixtures DIR)");
        }
        Path scratch = Files.createTempDirectory("softglass-validate-");
        List<Result> results = new ArrayList<>();
        try {
            Context ctx = new Context(nt, seed, scratch, fx);
            int k = 0;
            for (Check c : checks) {
                k++;
                if (!run.quiet()) {
                    err.printf("validate [%d/%d] %s ...", k, checks.size(), c.name());
                    err.flush();
                }
                Result r;
                long t0 = System.nanoTime();
                try {
                    r = c.run(ctx);
                } catch (Exception e) {
                    r = new Result(c, Double.NaN, Double.NaN, Double.NaN, false, "error: " + Errors.oneLine(String.valueOf(e.getMessage())) + " (" + e.getClass().getSimpleName() + ")",
                            (System.nanoTime() - t0) * 1e-9);
                }
                results.add(r);
                if (!run.quiet()) {
                    err.printf(" %s (%.1f s)%n", r.pass() ? "pass" : "FAIL: " + r.detail(), r.seconds());
                    err.flush();
                }
            }
        } finally {
            deleteTree(scratch);
        }
        System.out.print(Report.table(results));
        System.out.flush();
        boolean all = results.stream().allMatch(Result::pass);
        if (json != null) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("version", Version.get());
            meta.put("set", only != null ? "only" : full ? "full" : "default");
            meta.put("threads", nt);
            meta.put("seed", seed);
            meta.put("fixtures", fx.toString());
            Report.writeJson(json, meta, results);
            new Manifest(Version.get(), "validate").param("set", meta.get("set")).param("checks", checks.stream().map(Check::name).toList())
                    .param("threads", nt).param("seed", seed).param("fixtures", fx.toString()).output(json)
                    .result("all_pass", all).result("failed", results.stream().filter(r -> !r.pass()).map(Result::name).toList())
                    .write(Path.of(json + ".manifest.json"));
        }
        if (!all && !run.quiet()) err.println("softglass: validation failed: " + results.stream().filter(r -> !r.pass()).map(Result::name).toList());
        return all ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * {@code --published RUN}: {@link PublishedTable#evaluate} on RUN, printed; JSON / CSV with a manifest when asked.
     * Exit {@link ExitCodes#OK} whatever the verdicts; a RUN that is not a pipeline run directory is an input error.
     */
    private int publishedTable() throws IOException {
        Path runDir = published.toAbsolutePath().normalize();
        List<Comparison> rows = PublishedTable.evaluate(runDir);
        RunSetup setup = RunDirectory.open(runDir).setup();
        System.out.print(PublishedTable.toText(rows));
        System.out.flush();
        Map<String, Object> j = PublishedTable.toJson(runDir, setup, rows);
        List<Path> written = new ArrayList<>();
        if (json != null) {
            Csv.json(json, j);
            written.add(json);
        }
        if (out != null) {
            Files.createDirectories(out);
            Path csv = out.resolve("published.csv"), pj = out.resolve("published.json");
            org.softglass.core.io.AtomicOutput.write(csv, o -> o.write(PublishedTable.toCsv(rows).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Csv.json(pj, j);
            written.add(csv);
            written.add(pj);
        }
        if (!written.isEmpty()) {
            Manifest m = new Manifest(Version.get(), "validate").param("published", runDir.toString())
                    .result("rows", rows.size()).result("agree", rows.stream().filter(r -> r.status() == Status.AGREES).count())
                    .result("disagree", rows.stream().filter(r -> r.status() == Status.DISAGREES).count())
                    .result("not_measured", rows.stream().filter(r -> r.status() == Status.NOT_MEASURED).count());
            for (Path p : written) m.output(p);
            m.write(out != null ? out.resolve("published.manifest.json") : Path.of(json + ".manifest.json"));
        }
        return ExitCodes.OK;
    }

    /**
     * {@code <root>/../shared/fixtures}, where root is the repository holding this code: the jar is
     * {@code <root>/cli/target/softglass.jar} (classes in tests: {@code <root>/cli/target/classes}).
     */
    static Path defaultFixtures() {
        try {
            var src = ValidateCommand.class.getProtectionDomain().getCodeSource();
            if (src != null) {
                Path loc = Path.of(src.getLocation().toURI()).toAbsolutePath();
                Path root = loc.getParent() == null || loc.getParent().getParent() == null ? null : loc.getParent().getParent().getParent();
                if (root != null) return root.resolve("..").resolve("shared").resolve("fixtures").normalize();
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // fall through to the working directory
        }
        return Path.of("..", "shared", "fixtures");
    }

    private static void deleteTree(Path dir) {
        try {
            FileTree.delete(dir);
        } catch (IOException e) {
            // scratch under the system temp directory: leaving it behind is harmless
        }
    }
}
