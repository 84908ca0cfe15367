package org.softglass.validation.published;

/** The verdict of one published-versus-measured row. A disagreement is data, not an error. */
public enum Status {
    /** within the stated rule */
    AGREES,
    /** outside it */
    DISAGREES,
    /** direction rows: our statistic is within 2σ of zero */
    INCONCLUSIVE,
    /** the run does not contain the quantity (the row's reason says why) */
    NOT_MEASURED;

    /** yes / no / n.a. for the table. */
    public String agrees() {
        return switch (this) { case AGREES -> "yes"; case DISAGREES -> "no"; case INCONCLUSIVE -> "undecided"; case NOT_MEASURED -> "n.a."; };
    }
}
