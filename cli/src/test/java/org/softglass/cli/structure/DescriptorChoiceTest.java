package org.softglass.cli.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link DescriptorChoice}: the --species and --preset/--spec readings shared by descriptors and softness. */
class DescriptorChoiceTest {
    @Test
    void centreIsTheTypeIndexOrMinusOneForAll() {
        assertEquals(-1, DescriptorChoice.centre("all"));
        assertEquals(-1, DescriptorChoice.centre("ALL"));
        assertEquals(0, DescriptorChoice.centre("A"));
        assertEquals(1, DescriptorChoice.centre("b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DescriptorChoice.centre("1"));
        assertEquals("--species must be a letter A..Z or all, got '1'", e.getMessage());
    }

    @Test
    void specIsNullWithoutPresetOrFile() throws Exception {
        assertNull(DescriptorChoice.spec(null, null));
        assertEquals(org.softglass.core.structure.DescriptorSpec.preset("ka-266").columns(), DescriptorChoice.spec("ka-266", null).columns());
    }
}
