package org.softglass.core.rearrange;

import java.util.Arrays;

/**
 * A growable table of labelled samples in primitive arrays (no object per sample): for sample k,
 * the structure frame {@code frame(k)} (0-based frame index of the trajectory), the particle slot
 * {@code slot(k)} (index in id order), the label (1 = rearranging / high tail, 0 = stable / low tail)
 * and the p_hop value that certified the label (σ²; see {@link Labels}).
 */
public final class SampleList {
    private int size;
    private int[] frames = new int[16], slots = new int[16], labels = new int[16];
    private double[] phops = new double[16];

    /** Appends a sample. */
    public void add(int frame, int slot, int label, double phop) {
        if (size == frames.length) {
            int c = 2 * size;
            frames = Arrays.copyOf(frames, c);
            slots = Arrays.copyOf(slots, c);
            labels = Arrays.copyOf(labels, c);
            phops = Arrays.copyOf(phops, c);
        }
        frames[size] = frame;
        slots[size] = slot;
        labels[size] = label;
        phops[size] = phop;
        size++;
    }

    /** Appends sample k of another list. */
    public void add(SampleList o, int k) { add(o.frames[k], o.slots[k], o.labels[k], o.phops[k]); }

    /** Number of samples. */
    public int size() { return size; }
    /** Structure frame index of sample k. */
    public int frame(int k) { return frames[k]; }
    /** Particle slot (index in id order) of sample k. */
    public int slot(int k) { return slots[k]; }
    /** Label of sample k: 1 rearranging / high tail, 0 stable / low tail. */
    public int label(int k) { return labels[k]; }
    /** The p_hop value (σ²) that certified the label of sample k. */
    public double phop(int k) { return phops[k]; }

    /** Number of samples with the given label. */
    public int count(int label) {
        int c = 0;
        for (int k = 0; k < size; k++) if (labels[k] == label) c++;
        return c;
    }

    /** A new list sorted by (frame, slot, label) ascending; this list is unchanged. */
    public SampleList sorted() {
        Integer[] idx = new Integer[size];
        for (int k = 0; k < size; k++) idx[k] = k;
        Arrays.sort(idx, (a, b) -> {
            int c = Integer.compare(frames[a], frames[b]);
            if (c == 0) c = Integer.compare(slots[a], slots[b]);
            if (c == 0) c = Integer.compare(labels[a], labels[b]);
            return c;
        });
        SampleList s = new SampleList();
        for (Integer k : idx) s.add(this, k);
        return s;
    }
}
