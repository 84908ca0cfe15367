package org.softglass.cli;

import org.softglass.cli.elastic.StiffnessCommand;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.softglass.core.io.InputFormatException;

/**
 * Fuzzing of the CSV readers of the command line ({@code stiffness --mobility},
 * {@code correlations --events}), the same property as core's {@code FuzzSupport} (a compact copy:
 * core's test classes are not shared between modules): any input parses or gives a one-line
 * printable {@link InputFormatException} starting with the file name, within 10 s. Seeds and
 * regression inputs are in {@code src/test/resources/fuzz-corpus/}; budget and longer runs as in
 * core's {@code fuzz-corpus/README.md} ({@code -Djqwik.tries.default}, {@code -Dsoftglass.fuzz.seconds},
 * {@code -Dsoftglass.fuzz.salt}).
 */
class CsvReadersFuzzTest {
    private static final long SALT = Long.getLong("softglass.fuzz.salt", 0L);
    private static final long BUDGET_NANOS = (long) (Double.parseDouble(System.getProperty("softglass.fuzz.seconds", "2.5")) * 1e9);
    private static final List<String> EDGE = List.of("", "-1", "0", "1e309", "NaN", "inf", "9223372036854775808", "1" + "0".repeat(400),
            "0x10", "1_0", ".", "-");
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-parser");
        t.setDaemon(true);
        return t;
    });

    interface Parser { void parse(Path file) throws Exception; }

    record Input(String seed, long mutationSeed, byte[] bytes) {
        @Override public String toString() {
            StringBuilder b = new StringBuilder();
            for (byte x : Arrays.copyOf(bytes, Math.min(bytes.length, 300))) {
                int c = x & 0xff;
                b.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : c == '\n' ? "\\n" : String.format("\\x%02x", c));
            }
            return "Input[" + seed + ", mutationSeed=" + mutationSeed + ", salt=" + SALT + ": " + b + "]";
        }
    }

    private static final Parser MOBILITY = f -> {
        for (var frame : StiffnessCommand.readMobility(f).values()) for (Double v : frame.values()) assertTrue(v != null);
    };
    private static final Parser EVENTS = f -> org.softglass.core.rearrange.EventDetector.readPeaks(f, 0.5);

    @Property(seed = "20261202")
    void mobility(@ForAll("mobilityInputs") Input in) throws IOException { budgeted("mobility", MOBILITY, in); }

    @Provide Arbitrary<Input> mobilityInputs() { return inputs("mobility-csv"); }

    @Property(seed = "20261202")
    void events(@ForAll("eventsInputs") Input in) throws IOException { budgeted("events", EVENTS, in); }

    @Provide Arbitrary<Input> eventsInputs() { return inputs("events-csv"); }

    /** The corpus as plain tests: ok-* parse, bad-* and regress-* are refused with an InputFormatException. */
    @Test
    void corpus() throws IOException {
        for (String target : List.of("mobility-csv", "events-csv")) {
            for (Path p : files(target)) {
                boolean parsed = run(target.startsWith("mobility") ? MOBILITY : EVENTS, Files.readAllBytes(p), "corpus " + p.getFileName(),
                        p.getFileName().toString());
                assertTrue(parsed == p.getFileName().toString().startsWith("ok-"), p + (parsed ? " parsed" : " was refused"));
            }
        }
    }

    private static final java.util.Map<String, Long> DEADLINES = new java.util.concurrent.ConcurrentHashMap<>();

    private static void budgeted(String key, Parser p, Input in) throws IOException {
        long deadline = DEADLINES.computeIfAbsent(key, k -> System.nanoTime() + BUDGET_NANOS);
        if (System.nanoTime() < deadline) run(p, in.bytes(), in.toString(), key + ".csv");
    }

    /** The property; returns whether the input parsed. */
    private static boolean run(Parser p, byte[] bytes, String description, String name) throws IOException {
        Path dir = Files.createTempDirectory("softglass-cli-fuzz");
        Path f = dir.resolve(name);
        try {
            Files.write(f, bytes);
            Future<Throwable> job = WORKER.submit(() -> {
                try {
                    p.parse(f);
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            });
            Throwable t;
            try {
                t = job.get(Long.getLong("softglass.fuzz.inputTimeoutSeconds", 10L), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("parser ran longer than the time limit on " + description);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            if (t == null) return true;
            if (!(t instanceof InputFormatException)) {
                fail("expected a result or an InputFormatException, got " + t + " for " + description, t);
            }
            String m = t.getMessage();
            assertTrue(m.indexOf('\n') < 0 && m.indexOf('\r') < 0, "multi-line message for " + description);
            assertTrue(m.startsWith(f.toString()) || m.startsWith(name), "message does not start with the file name: " + m);
            assertTrue(m.length() <= 1000, "message of " + m.length() + " characters");
            assertNull(m.chars().filter(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.UNASSIGNED).boxed().findFirst().orElse(null),
                    "non-printable character in the message for " + description);
            return false;
        } finally {
            Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        }
    }

    private static List<Path> files(String target) {
        try (Stream<Path> s = Files.list(Path.of(CsvReadersFuzzTest.class.getResource("/fuzz-corpus/" + target).toURI()))) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mutations of the seeds (byte, line and number-token level, non-UTF-8), or random bytes. */
    private static Arbitrary<Input> inputs(String target) {
        List<Path> seeds = files(target);
        return Combinators.combine(Arbitraries.integers().between(-1, seeds.size() - 1), Arbitraries.longs(),
                Arbitraries.integers().between(1, 4)).as((i, s, rounds) -> {
                    Random r = new Random(s ^ SALT);
                    if (i < 0) {
                        byte[] b = new byte[r.nextInt(512)];
                        r.nextBytes(b);
                        return new Input("(random)", s, b);
                    }
                    byte[] b;
                    try {
                        b = Files.readAllBytes(seeds.get(i));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    for (int k = 0; k < rounds; k++) b = mutate(b, r);
                    return new Input(seeds.get(i).getFileName().toString(), s, b);
                });
    }

    private static byte[] mutate(byte[] b, Random r) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int n = s.length();
        String out = switch (r.nextInt(8)) {
            case 0 -> { // flip a bit
                if (n == 0) yield s;
                char[] c = s.toCharArray();
                int at = r.nextInt(n);
                c[at] = (char) ((c[at] ^ (1 << r.nextInt(8))) & 0xff);
                yield new String(c);
            }
            case 1 -> { // insert interesting bytes
                String[] ins = {"\u0000", "\u00ff", "\u00c3(", ",", ",,", "\r", "\n", "\u001b[2J", "\"", " "};
                int at = r.nextInt(n + 1);
                yield s.substring(0, at) + ins[r.nextInt(ins.length)] + s.substring(at);
            }
            case 2 -> s.substring(0, r.nextInt(n + 1)); // truncate
            case 3 -> { // delete a range
                if (n == 0) yield s;
                int at = r.nextInt(n);
                yield s.substring(0, at) + s.substring(Math.min(n, at + 1 + r.nextInt(8)));
            }
            case 4, 5 -> { // a number token becomes an edge value
                List<int[]> t = new ArrayList<>();
                var m = java.util.regex.Pattern.compile("[-+]?[0-9][0-9.eE+-]*").matcher(s);
                while (m.find()) t.add(new int[] {m.start(), m.end()});
                if (t.isEmpty()) yield s;
                int[] x = t.get(r.nextInt(t.size()));
                yield s.substring(0, x[0]) + EDGE.get(r.nextInt(EDGE.size())) + s.substring(x[1]);
            }
            case 6 -> { // delete or duplicate a line
                List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
                int k = r.nextInt(lines.size());
                if (r.nextBoolean()) lines.remove(k);
                else lines.add(k, lines.get(k));
                yield String.join("\n", lines);
            }
            default -> s.replace("\n", "\r\n");
        };
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }
}
