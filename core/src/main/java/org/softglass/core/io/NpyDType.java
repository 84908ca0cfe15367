package org.softglass.core.io;

/** Element types of {@code .npy} arrays supported here; all little-endian. */
public enum NpyDType {
    /** 32-bit IEEE float, numpy {@code '<f4'} ({@code float32}). */
    FLOAT32("<f4", 4, true),
    /** 64-bit IEEE float, numpy {@code '<f8'} ({@code float64}). */
    FLOAT64("<f8", 8, true),
    /** 32-bit signed integer, numpy {@code '<i4'} ({@code int32}). */
    INT32("<i4", 4, false),
    /** 64-bit signed integer, numpy {@code '<i8'} ({@code int64}). */
    INT64("<i8", 8, false);

    private final String descr;
    private final int bytes;
    private final boolean floating;

    NpyDType(String descr, int bytes, boolean floating) {
        this.descr = descr;
        this.bytes = bytes;
        this.floating = floating;
    }

    /** The numpy type string, e.g. {@code "<f8"}. */
    public String descr() { return descr; }

    /** Bytes per element. */
    public int bytes() { return bytes; }

    /** Whether this is a floating-point type. */
    public boolean isFloating() { return floating; }

    /** The type for a numpy descr string, or null if not supported. */
    public static NpyDType ofDescr(String descr) {
        for (NpyDType t : values()) if (t.descr.equals(descr)) return t;
        return null;
    }
}
