package org.softglass.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.softglass.bench.JmhResults.Result;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.InputFormatException;

/**
 * Compares a JMH run with the baseline in {@code bench/baseline/jmh-baseline.json} and flags regressions.
 *
 * <pre>
 * bench/compare-jmh [NEW.json] [--baseline FILE] [--threshold PCT] [--k K] [--update-baseline]
 * </pre>
 *
 * NEW defaults to the newest {@code bench/results/jmh-*.json}. Benchmarks are matched by name, mode and
 * {@code @Param} values. For each one the tool prints the baseline and new score ± JMH error (the
 * half-width of the 99.9 % confidence interval), the change (new − base)/base in %, the combined
 * relative error r (column {@code err}), the limit it was held to, and a verdict: {@code ok}, {@code REGRESSION}, {@code improved}, {@code new} (only in NEW) or
 * {@code missing} (only in the baseline). Scores in different time units of the same kind are converted.
 *
 * <p><b>The rule.</b> With {@code w} the relative change in the bad direction ((new − base)/base for
 * time per operation, modes {@code avgt}, {@code sample}, {@code ss}; (base − new)/base for throughput,
 * {@code thrpt}) and {@code r = sqrt((err_b/score_b)² + (err_n/score_n)²)} the combined relative JMH
 * error of the two runs (an error JMH could not compute counts as 0), a benchmark is a REGRESSION when
 * {@code w > max(K·r, T)} and {@code improved} when {@code −w > max(K·r, T)}.
 *
 * <p><b>Defaults K = {@value #DEFAULT_K}, T = {@value #DEFAULT_THRESHOLD_PCT} %</b>, from two back-to-back
 * runs of the full suite on the idle 2-core machine ({@code bench/results/jmh-20261121T110517Z.json} and
 * {@code …T111355Z.json}; bench/RESULTS.md, "JMH suite and regression tracking"; {@code bench/jmh-noise.py}
 * computes the figures). K = 1: JMH's error is the half-width of a 99.9 % interval, so two runs that differ
 * only by iteration-to-iteration noise differ by less than the combined error r in ≈ 99.9 % of cases;
 * measured, all 47 same-code pairs were inside r (median r 19 %). The floor T guards the benchmarks whose
 * error bars are narrow against run-to-run drift a single fork cannot see: the same code moved by 3.3 %
 * (median) and at most 17.2 % between the idle runs, so T = 20 % flags none of them, and a slowdown of more
 * than 20 % (or more than r, when r is larger) is reported. On a busy machine the drift is far larger: three
 * runs while other builds ran (load 9 → 3) moved the same code by a factor 1.5 (median) and up to 3.7, and only
 * T = 100 % kept false alarms below 5 % there ({@code --threshold 100}). {@code --threshold PCT} sets T,
 * {@code --k K} sets K.
 *
 * <p>Exit status: 0 no regression, 1 at least one REGRESSION, 2 bad usage, 3 a malformed input file.
 * {@code --update-baseline} prints the comparison, then copies NEW onto the baseline file and exits 0.
 */
public final class JmhCompare {
    /** Default multiplier K of the combined relative 99.9 % JMH error. */
    public static final double DEFAULT_K = 1.0;
    /** Default floor T of the regression limit, in percent. */
    public static final double DEFAULT_THRESHOLD_PCT = 20.0;

    private JmhCompare() {}

    /** Verdict for one benchmark. */
    public enum Verdict {
        OK("ok"), REGRESSION("REGRESSION"), IMPROVED("improved"), NEW("new"), MISSING("missing");

        private final String label;

        Verdict(String label) { this.label = label; }

        /** The word printed in the table. */
        public String label() { return label; }
    }

    /**
     * The regression rule: limit = max(k·r, floor), see the class comment.
     *
     * @param k multiplier of the combined relative error r (≥ 0)
     * @param floor minimum limit as a fraction (0.25 = 25 %, ≥ 0)
     */
    public record Rule(double k, double floor) {
        /** Checks the arguments. */
        public Rule {
            if (!(k >= 0) || !Double.isFinite(k)) throw new IllegalArgumentException("--k must be a number >= 0, found " + k);
            if (!(floor >= 0) || !Double.isFinite(floor)) {
                throw new IllegalArgumentException("--threshold must be a percentage >= 0, found " + 100 * floor);
            }
        }

        /** The defaults: K = {@link #DEFAULT_K}, T = {@link #DEFAULT_THRESHOLD_PCT} %. */
        public static Rule defaults() { return new Rule(DEFAULT_K, DEFAULT_THRESHOLD_PCT / 100); }

        /** max(k·r, floor) for the two results, r = {@link #combinedError}. */
        public double limit(Result base, Result now) {
            return Math.max(k * combinedError(base, now), floor);
        }

        /** r = sqrt((err_b/score_b)² + (err_n/score_n)²), the combined relative error; a NaN error counts as 0. */
        public static double combinedError(Result base, Result now) {
            double rb = relErr(base), rn = relErr(now);
            return Math.sqrt(rb * rb + rn * rn);
        }

        private static double relErr(Result r) {
            double e = r.error() / Math.abs(r.score());
            return Double.isFinite(e) ? e : 0;
        }
    }

    /**
     * One line of the comparison.
     *
     * @param key benchmark, mode and parameters
     * @param base the baseline result, or null ({@code new})
     * @param now the new result, or null ({@code missing})
     * @param baseScaled baseline score and error converted to the new result's unit (score, error), or null
     * @param change (new − base)/base as a fraction, NaN when one side is missing
     * @param limit the regression limit as a fraction, NaN when one side is missing
     * @param verdict the verdict
     * @param note remarks (different run configuration, unit conversion), empty if none
     */
    public record Row(String key, Result base, Result now, double[] baseScaled, double change, double limit,
                      Verdict verdict, String note) {}

    /**
     * Compares two runs. Rows follow the baseline's order, then the benchmarks only in the new run.
     *
     * @param baseline the baseline results
     * @param now the new results
     * @param rule the regression rule
     */
    public static List<Row> compare(List<Result> baseline, List<Result> now, Rule rule) {
        Map<String, Result> nowByKey = new LinkedHashMap<>();
        for (Result r : now) nowByKey.put(fullKey(r), r);
        Map<String, Result> baseByKey = new LinkedHashMap<>();
        for (Result r : baseline) baseByKey.put(fullKey(r), r);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Result> e : baseByKey.entrySet()) {
            Result b = e.getValue(), n = nowByKey.get(e.getKey());
            if (n == null) {
                rows.add(new Row(e.getKey(), b, null, null, Double.NaN, Double.NaN, Verdict.MISSING, ""));
                continue;
            }
            double f = TimeUnits.factor(b.unit(), n.unit());
            if (Double.isNaN(f)) {
                rows.add(new Row(e.getKey() + " [" + b.unit() + "]", b, null, null, Double.NaN, Double.NaN,
                        Verdict.MISSING, "unit " + b.unit() + " cannot be converted to " + n.unit()));
                rows.add(new Row(e.getKey() + " [" + n.unit() + "]", null, n, null, Double.NaN, Double.NaN,
                        Verdict.NEW, "unit " + n.unit() + " cannot be converted from " + b.unit()));
                continue;
            }
            double bs = b.score() * f, be = b.error() * f;
            double change = (n.score() - bs) / bs;
            double worse = n.lowerIsBetter() ? change : -change;
            double limit = rule.limit(b, n);
            Verdict v = worse > limit ? Verdict.REGRESSION : -worse > limit ? Verdict.IMPROVED : Verdict.OK;
            List<String> notes = new ArrayList<>();
            if (f != 1) notes.add("baseline in " + b.unit());
            if (!b.config().equals(n.config())) notes.add("config differs: base " + b.config() + ", new " + n.config());
            if (Double.isNaN(b.error()) || Double.isNaN(n.error())) notes.add("no JMH error on one side");
            rows.add(new Row(e.getKey(), b, n, new double[] {bs, be}, change, limit, v, String.join("; ", notes)));
        }
        for (Map.Entry<String, Result> e : nowByKey.entrySet()) {
            if (!baseByKey.containsKey(e.getKey())) {
                rows.add(new Row(e.getKey(), null, e.getValue(), null, Double.NaN, Double.NaN, Verdict.NEW, ""));
            }
        }
        return rows;
    }

    private static String fullKey(Result r) {
        return r.params().isEmpty() ? r.benchmark() + " " + r.mode() : r.benchmark() + " " + r.mode() + " " + r.paramString();
    }

    /** Prints the table and a summary line; returns the number of regressions. */
    public static int print(List<Row> rows, Rule rule, String baseName, String newName, PrintStream out) {
        out.printf(Locale.ROOT, "baseline: %s%nnew:      %s%nrule: REGRESSION if worse by more than max(%.3g x combined relative 99.9%% JMH error, %.3g%%)%n%n",
                baseName, newName, rule.k(), 100 * rule.floor());
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"benchmark", "params", "mode", "baseline", "new", "unit", "change", "err", "limit", "verdict"});
        int[] count = new int[Verdict.values().length];
        Map<String, Integer> notes = new LinkedHashMap<>();   // equal remarks share one number
        for (Row r : rows) {
            Result any = r.now() != null ? r.now() : r.base();
            String name = any.benchmark().startsWith("org.softglass.bench.")
                    ? any.benchmark().substring("org.softglass.bench.".length()) : any.benchmark();
            String base = r.base() == null ? "-" : r.baseScaled() != null ? pm(r.baseScaled()[0], r.baseScaled()[1])
                    : pm(r.base().score(), r.base().error());
            String now = r.now() == null ? "-" : pm(r.now().score(), r.now().error());
            String change = Double.isNaN(r.change()) ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * r.change() + 0.0);
            if (change.equals("-0.0%")) change = "+0.0%";
            String rel = r.base() == null || r.now() == null ? "-"
                    : String.format(Locale.ROOT, "%.1f%%", 100 * Rule.combinedError(r.base(), r.now()));
            String limit = Double.isNaN(r.limit()) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * r.limit());
            String verdict = r.verdict().label();
            if (!r.note().isEmpty()) {
                int number = notes.computeIfAbsent(r.note(), x -> notes.size() + 1);
                verdict += " [" + number + "]";
            }
            table.add(new String[] {name, any.paramString().isEmpty() ? "-" : any.paramString(), any.mode(), base, now,
                    any.unit(), change, rel, limit, verdict});
            count[r.verdict().ordinal()]++;
        }
        int[] width = new int[table.get(0).length];
        for (String[] t : table) for (int c = 0; c < t.length; c++) width[c] = Math.max(width[c], t[c].length());
        boolean[] right = {false, false, false, true, true, false, true, true, true, false};
        for (String[] t : table) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < t.length; c++) {
                String pad = " ".repeat(width[c] - t[c].length());
                if (c > 0) sb.append("  ");
                sb.append(right[c] ? pad + t[c] : c == t.length - 1 ? t[c] : t[c] + pad);
            }
            out.println(sb);
        }
        for (Map.Entry<String, Integer> e : notes.entrySet()) out.printf(Locale.ROOT, "[%d] %s%n", e.getValue(), e.getKey());
        out.printf(Locale.ROOT, "%n%d compared: %d ok, %d REGRESSION, %d improved; %d new, %d missing%n",
                count[Verdict.OK.ordinal()] + count[Verdict.REGRESSION.ordinal()] + count[Verdict.IMPROVED.ordinal()],
                count[Verdict.OK.ordinal()], count[Verdict.REGRESSION.ordinal()], count[Verdict.IMPROVED.ordinal()],
                count[Verdict.NEW.ordinal()], count[Verdict.MISSING.ordinal()]);
        return count[Verdict.REGRESSION.ordinal()];
    }

    private static String pm(double score, double error) {
        return sig(score, 4) + " ± " + (Double.isFinite(error) ? sig(error, 2) : "?");
    }

    /** x to {@code digits} significant digits, without exponent between 1e-4 and 1e9. */
    static String sig(double x, int digits) {
        if (!Double.isFinite(x)) return Double.toString(x);
        if (x == 0) return "0";
        double ax = Math.abs(x);
        if (ax < 1e-4 || ax >= 1e9) return String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
        return new java.math.BigDecimal(x).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /**
     * Runs the command.
     *
     * @param args command-line arguments (see the class comment)
     * @param root repository root against which the default paths ({@code bench/results},
     *     {@code bench/baseline/jmh-baseline.json}) are resolved
     * @return the exit status
     */
    public static int run(String[] args, Path root, PrintStream out, PrintStream err) {
        Path newFile = null, baseFile = root.resolve("bench/baseline/jmh-baseline.json");
        double k = DEFAULT_K, t = DEFAULT_THRESHOLD_PCT;
        boolean update = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--baseline" -> baseFile = Path.of(value(args, ++i, a));
                    case "--threshold" -> t = number(value(args, ++i, a), a);
                    case "--k" -> k = number(value(args, ++i, a), a);
                    case "--update-baseline" -> update = true;
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("-")) throw new IllegalArgumentException("unknown option " + a);
                        if (newFile != null) throw new IllegalArgumentException("more than one NEW file: " + newFile + ", " + a);
                        newFile = Path.of(a);
                    }
                }
            }
            Rule rule = new Rule(k, t / 100);
            if (newFile == null) newFile = newest(root.resolve("bench/results"));
            if (!Files.isRegularFile(newFile)) throw new IllegalArgumentException("no such file " + newFile + " (expected a JMH JSON result file)");
            List<Result> now = JmhResults.read(newFile);
            if (!Files.exists(baseFile)) {
                if (!update) throw new IllegalArgumentException("no baseline " + baseFile + " (make one with --update-baseline)");
                copy(newFile, baseFile);
                out.println("no previous baseline; " + baseFile + " created from " + newFile);
                return 0;
            }
            List<Result> base = JmhResults.read(baseFile);
            int regressions = print(compare(base, now, rule), rule, baseFile.toString(), newFile.toString(), out);
            if (update) {
                copy(newFile, baseFile);
                out.println("baseline " + baseFile + " replaced by " + newFile);
                return 0;
            }
            return regressions > 0 ? 1 : 0;
        } catch (IllegalArgumentException e) {
            err.println("compare-jmh: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (InputFormatException e) {
            err.println("compare-jmh: " + e.getMessage());
            return 3;
        } catch (IOException e) {
            err.println("compare-jmh: " + e);
            return 3;
        }
    }

    static final String USAGE = "usage: bench/compare-jmh [NEW.json] [--baseline FILE] [--threshold PCT] [--k K] [--update-baseline]\n"
            + "  NEW defaults to the newest bench/results/jmh-*.json, FILE to bench/baseline/jmh-baseline.json;\n"
            + "  REGRESSION if worse by more than max(K x combined relative 99.9% JMH error, PCT %), defaults K = "
            + DEFAULT_K + ", PCT = " + DEFAULT_THRESHOLD_PCT + "; exit 1 if any.";

    private static String value(String[] args, int i, String opt) {
        if (i >= args.length) throw new IllegalArgumentException(opt + " needs a value");
        return args[i];
    }

    private static double number(String s, String opt) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " expects a number, found '" + s + "'");
        }
    }

    /** The most recently modified {@code jmh-*.json} in {@code dir}. */
    static Path newest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no NEW file given and no directory " + dir);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("jmh-.*\\.json"))
                    .max((a, b) -> {
                        try {
                            return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .orElseThrow(() -> new IllegalArgumentException("no NEW file given and no jmh-*.json in " + dir
                            + " (run bench/run-jmh first)"));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        JmhResults.read(from);
        Path parent = to.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        byte[] bytes = Files.readAllBytes(from);
        AtomicOutput.write(to, s -> s.write(bytes));
    }

    /** Entry point: the repository root is {@code -Dsoftglass.bench.root} or the working directory. */
    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("softglass.bench.root", "."));
        System.exit(run(args, root, System.out, System.err));
    }
}
