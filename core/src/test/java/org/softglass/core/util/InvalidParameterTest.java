package org.softglass.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link InvalidParameter#requirePositive}: the value back when it is &gt; 0, else the one-line template naming it. */
class InvalidParameterTest {
    @Test
    void requirePositiveReturnsThePositiveValueAndNamesTheParameterOtherwise() {
        assertEquals(0.005, InvalidParameter.requirePositive(0.005, "dt"), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, InvalidParameter.requirePositive(Double.POSITIVE_INFINITY, "dt"), 0.0);
        assertEquals("{tdamp} must be > 0, got 0.0",
                assertThrows(InvalidParameter.class, () -> InvalidParameter.requirePositive(0.0, "tdamp")).template());
        assertEquals("{dt} must be > 0, got -1.0",
                assertThrows(InvalidParameter.class, () -> InvalidParameter.requirePositive(-1.0, "dt")).template());
        assertEquals("density must be > 0, got NaN",
                assertThrows(InvalidParameter.class, () -> InvalidParameter.requirePositive(Double.NaN, "density")).getMessage());
    }
}
