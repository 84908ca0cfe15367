package org.softglass.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softglass.core.structure.DescriptorKernels;

/** The provider's rule, in this JVM (which runs with {@code --add-modules jdk.incubator.vector}) and as a pure function. */
class SimdTest {

    @Test
    void moduleIsPresentInTheTestJvm() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "surefire's argLine adds the module");
    }

    @Test
    void enabledWhenTheVectorUnitHasFourLanesAndNotSwitchedOff() {
        int lanes = PanamaSupport.DOUBLE.length();
        boolean off = "false".equalsIgnoreCase(System.getProperty("softglass.simd"));
        assertEquals(lanes >= 4 && !off, Simd.enabled());
        String d = Simd.describe();
        assertTrue(d.startsWith(PanamaSupport.DOUBLE.vectorBitSize() + "-bit: " + lanes + " doubles, "
                + PanamaSupport.FLOAT.length() + " floats"), d);
        if (Simd.enabled()) {
            assertTrue(d.endsWith("(SIMD active)"), d);
            assertEquals(lanes, Simd.doubleLanes());
        } else {
            assertTrue(d.contains("scalar kernels"), d);
            assertEquals(0, Simd.doubleLanes());
        }
    }

    @Test
    void providersFollowTheDecision() {
        assertSame(Simd.enabled() ? PairKernels.panama() : PairKernels.scalar(), PairKernels.get());
        assertSame(PairKernels.get(), PairKernel.get());
        assertSame(Simd.enabled() ? DistanceKernels.panama() : DistanceKernels.scalar(), DistanceKernels.get());
        assertSame(Simd.enabled() ? DescriptorKernels.panama() : DescriptorKernels.scalar(), DescriptorKernels.get());
        assertSame(PanamaPairKernel.INSTANCE, PairKernels.panama());
    }

    @Test
    void ruleNeedsModulePropertyAndFourLanes() {
        assertTrue(Simd.decide(true, "true", 4));
        assertTrue(Simd.decide(true, "true", 8));
        assertFalse(Simd.decide(true, "true", 2), "128-bit unit");
        assertFalse(Simd.decide(true, "false", 8));
        assertFalse(Simd.decide(true, "FALSE", 8));
        assertFalse(Simd.decide(false, "true", 8), "module absent");
    }

    @Test
    void descriptionGivesTheReason() {
        assertEquals("scalar kernels: jdk.incubator.vector not present", Simd.describe(false, "true", 0, null, null));
        assertEquals("256-bit: 4 doubles, 8 floats (SIMD active)", Simd.describe(true, "true", 4, "256-bit: 4 doubles, 8 floats", null));
        assertEquals("128-bit: 2 doubles, 4 floats (scalar kernels: vector unit too narrow)",
                Simd.describe(true, "true", 2, "128-bit: 2 doubles, 4 floats", null));
        assertEquals("512-bit: 8 doubles, 16 floats (scalar kernels: disabled by -Dsoftglass.simd=false)",
                Simd.describe(true, "false", 8, "512-bit: 8 doubles, 16 floats", null));
        assertTrue(Simd.describe(true, "true", 0, null, "java.lang.NoClassDefFoundError: x").startsWith("scalar kernels: the Vector API failed to load"));
    }
}
