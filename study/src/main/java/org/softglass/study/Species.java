package org.softglass.study;

/**
 * Which particles a study counts: every particle, or one species of a binary mixture (A = LAMMPS type 1, B = type 2;
 * core's species index is the type minus 1).
 */
public enum Species {
    ALL, A, B;

    /** The LAMMPS type selected: 1 for A, 2 for B, 0 for all. */
    public int lammpsType() { return ordinal(); }

    /** Core's species index: 0 for A, 1 for B, −1 for all. */
    public int index() { return ordinal() - 1; }

    /** The name in outputs and messages: {@code A}, {@code B} or {@code all}. */
    public String label() { return this == ALL ? "all" : name(); }

    /** The species of a LAMMPS type: 0 is all, 1 is A, 2 is B. */
    public static Species ofType(int type) {
        if (type < 0 || type > 2) throw new IllegalArgumentException("species type must be 0 (all), 1 (A) or 2 (B), got " + type);
        return values()[type];
    }
}
