package org.softglass.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The report's choice of reference temperature ({@link PipelineMatching}). */
class PipelineMatchingTest {
    private static final double NAN = Double.NaN;
    private static final double[] TS = {1.0, 0.9, 0.8, 0.7};
    private static final double[] NO_ERR = {NAN, NAN, NAN, NAN};

    /** Both models are matched at the highest T where MD, trap and TRSP are all finite (0.8 here), not each at its own. */
    @Test
    void bothModelsShareTheHighestCommonTemperature() {
        double[] md = {NAN, 2, 4, 8}, trap = {1, 6, 20, 80}, trsp = {2, NAN, 12, 40};
        PipelineMatching m = PipelineMatching.of(TS, md, new double[] {NAN, 0.2, 0.4, NAN}, trap, trsp);
        assertEquals(0.8, m.referenceT(), 0);
        assertEquals(5.0, m.trap().factor(), 1e-15);
        assertEquals(3.0, m.trsp().factor(), 1e-15);
        assertEquals(0.5, m.trap().error(), 1e-15, "sigma_f = f * 0.4/4");
        assertEquals(0.8, m.asMap().get("reference_T"));
    }

    /** No temperature with all three: each model at its own highest T shared with the MD; a model with none is refused. */
    @Test
    void fallsBackToEachModelsOwnReference() {
        double[] md = {NAN, 2, 4, NAN}, trap = {1, 6, NAN, 80}, trsp = {2, NAN, 12, 40};
        PipelineMatching m = PipelineMatching.of(TS, md, NO_ERR, trap, trsp);
        assertTrue(Double.isNaN(m.referenceT()));
        assertEquals(0.9, m.trap().referenceTemperature(), 0);
        assertEquals(0.8, m.trsp().referenceTemperature(), 0);
        PipelineMatching r = PipelineMatching.of(TS, md, NO_ERR, trap, new double[] {1, NAN, NAN, 5});
        assertNull(r.trsp());
        assertTrue(r.trspRefusal().contains("no temperature has both"), r.trspRefusal());
        assertNull(r.matchedRow(6, 3, 1, 1).get("tau_Q_trsp_matched"));
        assertEquals(2.0, (Double) r.matchedRow(6, 3, 1, 1).get("tau_Q_trap_matched"), 1e-15, "6 / (6/2)");
    }
}
