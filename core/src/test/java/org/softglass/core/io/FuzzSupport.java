package org.softglass.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The fuzzing harness shared by the {@code *FuzzTest} properties and {@link FuzzCorpusTest}.
 *
 * <p>Inputs are <em>structured mutations</em> of the seed files in
 * {@code src/test/resources/fuzz-corpus/<target>/} (byte flips, truncation, line deletion /
 * duplication / swap, number tokens replaced by edge values such as {@code 1e309}, {@code NaN} or
 * {@code 9223372036854775808}, non-UTF-8 bytes, CRLF, gzip then truncate), plus fully random bytes.
 * Every mutation is driven by a {@link Random} seeded from a jqwik-generated long, so a failure is
 * reproducible from the printed {@link FuzzInput}; the failing bytes are also written to
 * {@code target/fuzz-failures/<target>/} to be committed to the corpus as a regression case.
 *
 * <p>The property ({@link #check}): the parser returns a valid result (the target's own invariant
 * check) or throws an {@link InputFormatException} whose message is one line, starts with the file
 * name and holds only printable characters; nothing else (no NumberFormatException,
 * ArrayIndexOutOfBounds, OutOfMemoryError, ...), and within {@link #PER_INPUT}.
 *
 * <p>Knobs (system properties, passed through by Maven's {@code -D}): {@code softglass.fuzz.salt}
 * (default 0: the CI run is deterministic; any other value gives new inputs for the same jqwik
 * seed), {@code softglass.fuzz.seconds} (the time budget of one property, default 2.5 s; once spent,
 * the remaining tries return at once), {@code softglass.fuzz.inputTimeoutSeconds} (default 10).
 */
public final class FuzzSupport {
    private FuzzSupport() {}

    /** The fixed jqwik seed of every fuzz property (CI is reproducible). */
    public static final String SEED = "20261202";

    static final long SALT = Long.getLong("softglass.fuzz.salt", 0L);
    static final Duration PER_INPUT = Duration.ofSeconds(Long.getLong("softglass.fuzz.inputTimeoutSeconds", 10L));
    static final long BUDGET_NANOS = (long) (Double.parseDouble(System.getProperty("softglass.fuzz.seconds", "2.5")) * 1e9);

    /** Edge values that replace a number token. */
    static final List<String> EDGE_NUMBERS = List.of("0", "-0", "-1", "1", "3", "2147483647",
            "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "99999999999999999999999", "1e308", "1e309", "-1e309", "4.9e-324", "1e-400", "NaN", "nan", "-nan",
            "inf", "-inf", "Infinity", "0x1p3", "1_000", "1e", ".", "+", "-", "", "1.5.2", "00000000000000000000007",
            "1" + "0".repeat(400), "1e+99999999999");

    /** JSON values of every type, for type confusion. */
    static final List<String> JSON_VALUES = List.of("null", "true", "0", "-1", "1e999", "\"x\"", "\"\"", "[]", "[1]", "[null]",
            "[[]]", "{}", "{\"a\":1}", "[{}]", "[\"A\"]");

    /**
     * A header count that a reader must not allocate from (the file is a few hundred bytes). Only
     * used by the {@code hugeHeaderCount} properties: see the comment there.
     */
    static final List<String> HUGE_COUNTS = List.of("2000000000", "2147483639", "1073741824", "536870912");

    /** One generated input, printed by jqwik when a property fails. */
    public record FuzzInput(String target, String seedFile, long mutationSeed, int rounds, boolean gzip, byte[] bytes) {
        @Override
        public String toString() {
            return "FuzzInput[" + target + " from " + seedFile + ", mutationSeed=" + mutationSeed + ", rounds=" + rounds
                    + ", gzip=" + gzip + ", salt=" + SALT + ", " + bytes.length + " bytes: " + preview(bytes, 300) + "]";
        }
    }

    /** A seed file of the corpus. */
    public record Seed(String name, byte[] bytes) {}

    // ---------------------------------------------------------------- corpus

    /** The corpus folder of a target (under the test classes). */
    public static Path corpusDir(String target) {
        URL u = FuzzSupport.class.getResource("/fuzz-corpus/" + target);
        if (u == null) throw new IllegalStateException("no fuzz-corpus/" + target + " on the test class path");
        try {
            return Path.of(u.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All seed files of a target, sorted by name. */
    public static List<Seed> seeds(String target) {
        try (Stream<Path> s = Files.list(corpusDir(target))) {
            List<Seed> out = new ArrayList<>();
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p)) out.add(new Seed(p.getFileName().toString(), Files.readAllBytes(p)));
            }
            if (out.isEmpty()) throw new IllegalStateException("empty fuzz-corpus/" + target);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- generators

    /** Structured mutations of the target's seeds. */
    public static Arbitrary<FuzzInput> mutations(FuzzTarget t) {
        List<Seed> seeds = seeds(t.name());
        return Combinators.combine(Arbitraries.integers().between(0, seeds.size() - 1), Arbitraries.longs(),
                        Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(1)), Tuple.of(3, Arbitraries.integers().between(2, 3)),
                                Tuple.of(1, Arbitraries.integers().between(4, 8))), Arbitraries.integers().between(0, 7))
                .as((i, s, rounds, g) -> {
                    Seed seed = seeds.get(i);
                    Random r = new Random(s ^ SALT);
                    boolean gz = t.gzip() && g == 0;
                    byte[] b = seed.bytes();
                    for (int k = 0; k < rounds; k++) b = mutateOnce(b, r, EDGE_NUMBERS);
                    if (gz) b = gzipThenDamage(b, r);
                    return new FuzzInput(t.name(), seed.name(), s, rounds, gz, b);
                });
    }

    /** Seeds whose number tokens are replaced by huge counts (see {@link #HUGE_COUNTS}). */
    public static Arbitrary<FuzzInput> hugeCounts(FuzzTarget t) {
        List<Seed> seeds = seeds(t.name());
        return Combinators.combine(Arbitraries.integers().between(0, seeds.size() - 1), Arbitraries.longs())
                .as((i, s) -> {
                    Seed seed = seeds.get(i);
                    Random r = new Random(s ^ SALT);
                    return new FuzzInput(t.name(), seed.name(), s, 1, false, replaceNumber(seed.bytes(), r, HUGE_COUNTS));
                });
    }

    /** Fully random bytes, and random bytes after a random-length prefix of a seed. */
    public static Arbitrary<FuzzInput> randomBytes(FuzzTarget t) {
        List<Seed> seeds = seeds(t.name());
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(1024);
        return Combinators.combine(Arbitraries.integers().between(-1, seeds.size() - 1), Arbitraries.longs(), raw)
                .as((i, s, tail) -> {
                    if (i < 0) return new FuzzInput(t.name(), "(none)", s, 0, false, tail);
                    Seed seed = seeds.get(i);
                    Random r = new Random(s ^ SALT);
                    int cut = r.nextInt(seed.bytes().length + 1);
                    byte[] b = new byte[cut + tail.length];
                    System.arraycopy(seed.bytes(), 0, b, 0, cut);
                    System.arraycopy(tail, 0, b, cut, tail.length);
                    return new FuzzInput(t.name(), seed.name() + " prefix " + cut, s, 0, false, b);
                });
    }

    // ---------------------------------------------------------------- mutations

    private static final byte[] INTERESTING_BYTES = {0, (byte) 0xff, (byte) 0x80, 0x7f, '\r', '\n', ' ', '\t', '-', '9',
        (byte) 0xc3, '"', '\'', '{', '}', '[', ']', ',', ':', '=', '#', 'e', '.', 0x1b};
    private static final byte[][] NON_UTF8 = {{(byte) 0xff, (byte) 0xfe}, {(byte) 0xc3, 0x28}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}, {0, 0, 0, 0}};

    static byte[] mutateOnce(byte[] b, Random r, List<String> numbers) {
        int n = b.length;
        switch (r.nextInt(15)) {
            case 0 -> { // flip one bit
                if (n == 0) return b;
                byte[] c = b.clone();
                c[r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case 1 -> { // set one byte to an interesting byte
                if (n == 0) return b;
                byte[] c = b.clone();
                c[r.nextInt(n)] = INTERESTING_BYTES[r.nextInt(INTERESTING_BYTES.length)];
                return c;
            }
            case 2 -> { // insert 1..8 random bytes
                byte[] ins = new byte[1 + r.nextInt(8)];
                r.nextBytes(ins);
                return splice(b, r.nextInt(n + 1), 0, ins);
            }
            case 3 -> { // delete a range
                if (n == 0) return b;
                int at = r.nextInt(n);
                return splice(b, at, Math.min(n - at, 1 + r.nextInt(16)), new byte[0]);
            }
            case 4 -> { // truncate anywhere
                return java.util.Arrays.copyOf(b, r.nextInt(n + 1));
            }
            case 5 -> { // delete a line
                List<byte[]> lines = lines(b);
                if (lines.isEmpty()) return b;
                lines.remove(r.nextInt(lines.size()));
                return join(lines);
            }
            case 6 -> { // duplicate a line
                List<byte[]> lines = lines(b);
                if (lines.isEmpty()) return b;
                int k = r.nextInt(lines.size());
                lines.add(k, lines.get(k));
                return join(lines);
            }
            case 7 -> { // swap two lines
                List<byte[]> lines = lines(b);
                if (lines.size() < 2) return b;
                java.util.Collections.swap(lines, r.nextInt(lines.size()), r.nextInt(lines.size()));
                return join(lines);
            }
            case 8, 9 -> { // replace a number token by an edge value
                return replaceNumber(b, r, numbers);
            }
            case 10 -> { // CRLF line ends
                return new String(b, StandardCharsets.ISO_8859_1).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            }
            case 11 -> { // non-UTF-8 / NUL bytes
                return splice(b, r.nextInt(n + 1), 0, NON_UTF8[r.nextInt(NON_UTF8.length)]);
            }
            case 12 -> { // copy a chunk elsewhere
                if (n == 0) return b;
                int at = r.nextInt(n), len = Math.min(n - at, 1 + r.nextInt(64));
                return splice(b, r.nextInt(n + 1), 0, java.util.Arrays.copyOfRange(b, at, at + len));
            }
            case 13 -> { // type confusion: a bracketed {...} / [...] group (or a number) becomes another JSON type
                String s = new String(b, StandardCharsets.ISO_8859_1);
                List<Integer> opens = new ArrayList<>();
                for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '{' || s.charAt(i) == '[') opens.add(i);
                if (opens.isEmpty()) return replaceNumber(b, r, JSON_VALUES);
                int at = opens.get(r.nextInt(opens.size())), depth = 0, end = -1;
                for (int i = at; i < s.length() && end < 0; i++) {
                    char c = s.charAt(i);
                    if (c == '{' || c == '[') depth++;
                    else if ((c == '}' || c == ']') && --depth == 0) end = i + 1;
                }
                if (end < 0) return b;
                return splice(b, at, end - at, JSON_VALUES.get(r.nextInt(JSON_VALUES.size())).getBytes(StandardCharsets.ISO_8859_1));
            }
            default -> { // delete a word (whitespace-separated token)
                String s = new String(b, StandardCharsets.ISO_8859_1);
                List<int[]> words = new ArrayList<>();
                Matcher m = Pattern.compile("\\S+").matcher(s);
                while (m.find()) words.add(new int[] {m.start(), m.end()});
                if (words.isEmpty()) return b;
                int[] w = words.get(r.nextInt(words.size()));
                return splice(b, w[0], w[1] - w[0], new byte[0]);
            }
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    static byte[] replaceNumber(byte[] b, Random r, List<String> values) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        List<int[]> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find()) found.add(new int[] {m.start(), m.end()});
        if (found.isEmpty()) return b;
        int[] t = found.get(r.nextInt(found.size()));
        byte[] v = values.get(r.nextInt(values.size())).getBytes(StandardCharsets.ISO_8859_1);
        return splice(b, t[0], t[1] - t[0], v);
    }

    private static byte[] gzipThenDamage(byte[] b, Random r) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(o)) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] g = o.toByteArray();
        return switch (r.nextInt(3)) {
            case 0 -> g; // intact
            case 1 -> java.util.Arrays.copyOf(g, 2 + r.nextInt(g.length - 1)); // truncated, magic kept
            default -> { // a flipped bit after the magic
                g[2 + r.nextInt(g.length - 2)] ^= (byte) (1 << r.nextInt(8));
                yield g;
            }
        };
    }

    private static byte[] splice(byte[] b, int at, int del, byte[] ins) {
        byte[] c = new byte[b.length - del + ins.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(ins, 0, c, at, ins.length);
        System.arraycopy(b, at + del, c, at + ins.length, b.length - at - del);
        return c;
    }

    private static List<byte[]> lines(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(b, s, i + 1));
                s = i + 1;
            }
        }
        if (s < b.length) out.add(java.util.Arrays.copyOfRange(b, s, b.length));
        return out;
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] l : lines) o.writeBytes(l);
        return o.toByteArray();
    }

    // ---------------------------------------------------------------- the property

    private static final Map<String, Long> DEADLINES = new ConcurrentHashMap<>();
    private static final Map<String, Path> WORKSPACES = new ConcurrentHashMap<>();

    /**
     * Whether the time budget of the property {@code key} is not yet spent (it starts at the first
     * call). A property whose budget is spent returns at once for its remaining tries.
     */
    public static boolean withinBudget(String key) {
        long deadline = DEADLINES.computeIfAbsent(key, k -> System.nanoTime() + BUDGET_NANOS);
        return System.nanoTime() < deadline;
    }

    /** How one input ended. */
    public enum Outcome { PARSED, FORMAT_ERROR, SKIPPED }

    /** Runs {@code in} through the property (see the class comment); fails with a reproducible message. */
    public static Outcome check(FuzzTarget t, FuzzInput in) {
        return check(t, in.bytes(), in.toString());
    }

    /** The property for raw bytes, e.g. a corpus file. */
    public static Outcome check(FuzzTarget t, byte[] bytes, String description) {
        Path file = write(t, bytes);
        Throwable thrown = runBounded(t, file, description);
        if (thrown == null) return Outcome.PARSED;
        if (thrown instanceof InputFormatException e) {
            String problem = messageProblem(e.getMessage(), file);
            if (problem != null) throw failure(t, bytes, "InputFormatException message " + problem + ": <" + escape(e.getMessage(), 400)
                    + "> for " + description, e);
            return Outcome.FORMAT_ERROR;
        }
        if (thrown instanceof AssertionError a) { // an invalid result, or the timeout
            throw failure(t, bytes, a.getMessage() + " (input " + description + ")", a);
        }
        throw failure(t, bytes, "expected a valid result or an InputFormatException, got " + thrown.getClass().getName() + ": "
                + escape(String.valueOf(thrown.getMessage()), 300) + " for " + description, thrown);
    }

    private static ExecutorService worker = newWorker();

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "fuzz-parser");
            th.setDaemon(true);
            return th;
        });
    }

    /** Parses on a worker thread, at most {@link #PER_INPUT}; returns what it threw, or null. */
    private static synchronized Throwable runBounded(FuzzTarget t, Path file, String description) {
        Future<Throwable> f = worker.submit(() -> {
            try {
                t.parse().parse(file);
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        try {
            return f.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the stuck thread is abandoned (a daemon)
            return new AssertionError("parser of " + t.name() + " ran longer than " + PER_INPUT + " on " + description);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** Why a message breaks the property, or null if it is fine. */
    static String messageProblem(String msg, Path file) {
        if (msg == null) return "is null";
        if (msg.indexOf('\n') >= 0 || msg.indexOf('\r') >= 0) return "spans several lines";
        // the fuzzed file, or (for a multi-file input) its folder or a companion file in it
        if (!msg.startsWith(file.toString()) && !msg.startsWith(file.getFileName().toString())
                && !msg.startsWith(file.getParent().toString())) {
            return "does not start with the file name";
        }
        for (int i = 0; i < msg.length(); i++) {
            char c = msg.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.SURROGATE || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.FORMAT) {
                return String.format("holds the non-printable character U+%04X at %d", (int) c, i);
            }
        }
        if (msg.length() > 1000) return "is " + msg.length() + " characters long";
        return null;
    }

    private static AssertionError failure(FuzzTarget t, byte[] bytes, String msg, Throwable cause) {
        String saved = "";
        try {
            Path dir = Path.of("target", "fuzz-failures", t.name());
            Files.createDirectories(dir);
            String h = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(bytes)).substring(0, 12);
            Path f = dir.resolve("regress-" + h + "-" + t.fileName());
            Files.write(f, bytes);
            saved = " [input saved to " + f.toAbsolutePath() + "]";
        } catch (Exception ignored) {
            // best effort
        }
        return new AssertionError(msg + saved, cause);
    }

    private static Path write(FuzzTarget t, byte[] bytes) {
        try {
            Path dir = WORKSPACES.computeIfAbsent(t.name(), k -> {
                try {
                    Path d = Files.createTempDirectory("softglass-fuzz-" + k);
                    d.toFile().deleteOnExit();
                    for (Map.Entry<String, byte[]> c : t.companions().entrySet()) {
                        Path f = d.resolve(c.getKey());
                        Files.write(f, c.getValue());
                        f.toFile().deleteOnExit();
                    }
                    return d;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Path f = dir.resolve(t.fileName());
            Files.write(f, bytes);
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Printable preview of bytes (non-printables as \xNN). */
    static String preview(byte[] b, int max) {
        return escape(new String(b, 0, Math.min(b.length, max), StandardCharsets.ISO_8859_1), Integer.MAX_VALUE)
                + (b.length > max ? "..." : "");
    }

    static String escape(String s, int max) {
        StringBuilder o = new StringBuilder();
        for (int i = 0; i < s.length() && o.length() < max; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) o.append(c);
            else if (c == '\n') o.append("\\n");
            else if (c < 0x100) o.append(String.format("\\x%02x", (int) c));
            else o.append(String.format("\\u%04x", (int) c));
        }
        return o.toString();
    }
}
