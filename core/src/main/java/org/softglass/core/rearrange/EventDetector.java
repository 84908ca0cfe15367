package org.softglass.core.rearrange;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.softglass.core.io.AtomicOutput;

/**
 * Rearrangement events from p_hop rows ({@code 001} §2, DESIGN §4): for each particle, p_hop &gt; p_L
 * (strict) opens an event, the first later frame with p_hop ≤ p_L closes it; p* is the maximum of
 * p_hop over the open frames. NaN rows (frames where the window does not fit) neither open nor close:
 * an event still open at the end is reported with {@code frameEnd = −1}. Memory: a few numbers per
 * particle plus the events found.
 */
public final class EventDetector implements PhopSink {
    private final double pL;
    private PhopHeader header;
    private int[] start, peak;
    private double[] best, startTime;
    private boolean[] startSeen, prevDefined;
    private final List<Event> events = new ArrayList<>();

    /** @param pL opening threshold p_L (σ²), finite and ≥ 0 */
    public EventDetector(double pL) {
        if (!(pL >= 0) || !Double.isFinite(pL)) throw new IllegalArgumentException("p_L must be finite and >= 0, got " + pL);
        this.pL = pL;
    }

    @Override
    public void start(PhopHeader h) {
        header = h;
        int n = h.size();
        start = new int[n];
        peak = new int[n];
        best = new double[n];
        startTime = new double[n];
        startSeen = new boolean[n];
        prevDefined = new boolean[n];
        java.util.Arrays.fill(start, -1);
    }

    @Override
    public void row(int frame, long timestep, double time, double[] phop) {
        for (int i = 0; i < phop.length; i++) {
            double p = phop[i];
            if (Double.isNaN(p)) {
                prevDefined[i] = false;
                continue;
            }
            if (start[i] < 0) {
                if (p > pL) {
                    start[i] = frame;
                    peak[i] = frame;
                    best[i] = p;
                    startTime[i] = time;
                    startSeen[i] = prevDefined[i];
                }
            } else if (p > pL) {
                if (p > best[i]) { best[i] = p; peak[i] = frame; }
            } else {
                emit(i, frame, time);
            }
            prevDefined[i] = true;
        }
    }

    private void emit(int i, int frameEnd, double tEnd) {
        events.add(new Event(i, header.ids()[i], header.types()[i], start[i], frameEnd, peak[i], startTime[i], tEnd, best[i], startSeen[i]));
        start[i] = -1;
    }

    @Override
    public void finish(int frames) {
        for (int i = 0; i < start.length; i++) if (start[i] >= 0) emit(i, -1, Double.NaN);
        events.sort(Comparator.comparingLong(Event::id).thenComparingInt(Event::frameStart));
    }

    /** The events found, sorted by id then start frame (after {@link #finish}). */
    public List<Event> events() { return events; }

    /** The threshold p_L. */
    public double threshold() { return pL; }

    /**
     * Writes events as CSV (file contract §3), atomically: header
     * {@code id,type,frame_start,frame_end,frame_peak,t_start,t_end,p_star}; a cut-off event has
     * {@code frame_end = -1} and {@code t_end = NaN}.
     */
    public static void writeCsv(Path file, List<Event> events) throws IOException {
        AtomicOutput.write(file, out -> {
            PrintWriter w = new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
            w.println(HEADER);
            for (Event e : events) {
                w.println(e.id() + "," + e.type() + "," + e.frameStart() + "," + e.frameEnd() + "," + e.framePeak() + ","
                        + e.tStart() + "," + e.tEnd() + "," + e.pStar());
            }
            w.flush();
            if (w.checkError()) throw new IOException("error writing " + file);
        });
    }

    /** The header of the events CSV ({@link #writeCsv}). */
    public static final String HEADER = "id,type,frame_start,frame_end,frame_peak,t_start,t_end,p_star";

    /**
     * Reads the events CSV {@link #writeCsv} writes ({@link org.softglass.core.io.CsvRows}: the header, 8 fields per row,
     * the file and line of any bad row) and keeps the events with p* ≥ {@code pc}, grouped by peak frame in frame order:
     * frame → {id, type} of each, in file order.
     *
     * @throws org.softglass.core.io.InputFormatException another header, a row with another field count, or a non-integer
     *     id, type, frame_peak or a non-number p_star
     */
    public static java.util.TreeMap<Long, List<long[]>> readPeaks(Path file, double pc) throws IOException {
        java.util.TreeMap<Long, List<long[]>> g = new java.util.TreeMap<>();
        org.softglass.core.io.CsvRows.read(file, HEADER, (f, line, text) -> {
            long id = Long.parseLong(f[0].strip()), type = Long.parseLong(f[1].strip()), peak = Long.parseLong(f[4].strip());
            double ps = Double.parseDouble(f[7].strip());
            if (ps >= pc) g.computeIfAbsent(peak, x -> new java.util.ArrayList<>()).add(new long[] {id, type});
        });
        return g;
    }
}
