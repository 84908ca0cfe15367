package org.softglass.cli.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** {@link DescriptorChoice}: the --preset/--spec reading shared by descriptors and softness. */
class DescriptorChoiceTest {
    @Test
    void specIsNullWithoutPresetOrFile() throws Exception {
        assertNull(DescriptorChoice.spec(null, null));
        assertEquals(org.softglass.core.structure.DescriptorSpec.preset("ka-266").columns(), DescriptorChoice.spec("ka-266", null).columns());
    }
}
