package org.softglass.study.fluidity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.core.util.InvalidParameter;

/** The request of the fluidity figures: temperature defaults and refusals naming the parameter (the run itself: cli FluidityFiguresCommandTest). */
class FluidityFiguresStudyTest {
    private static final FluidityFiguresStudy.Labelling LABELS = new FluidityFiguresStudy.Labelling(10, 0.005, 2, 0.02, 0.05, 0.2, 0.02, 10, 0);
    private static final FluidityFiguresStudy.Barriers BARRIERS = new FluidityFiguresStudy.Barriers(new SoftnessBins(-3, 3, 24), 0.2, 0, 10, 10, 0.9);

    private static FluidityFiguresStudy.Request request(List<Double> fluidityAt, int folds, double... t) {
        List<FluidityFiguresStudy.Run> runs = java.util.Arrays.stream(t).mapToObj(v -> new FluidityFiguresStudy.Run(v, Path.of("T" + v + ".dump"))).toList();
        return new FluidityFiguresStudy.Request(runs, fluidityAt, null, null, null, LABELS, 0.01, folds, BARRIERS, 0.05, 5, 1);
    }

    @Test
    void tailsClassifiersDefaultToEveryTemperatureAboveTheLowest() {
        FluidityFiguresStudy.Request r = request(List.of(), 5, 0.9, 0.61, 0.75);
        assertArrayEquals(new double[] {0.61, 0.75, 0.9}, r.temperatures());
        assertEquals(List.of(0.75, 0.9), r.fluidityTemperatures());
        assertEquals(0.61, r.lowest());
        assertEquals(0.9, r.highest());
        assertEquals(List.of(0.61), request(List.of(0.61), 5, 0.9, 0.61).fluidityTemperatures());
        assertEquals("T0.900", FluidityFiguresStudy.tName(0.9));
    }

    @Test
    void refusalsNameTheParameter() {
        InvalidParameter e = assertThrows(InvalidParameter.class, () -> request(List.of(0.8), 5, 0.61, 0.9));
        assertEquals("fluidityAt 0.8 is not one of the trajectories' temperatures [0.61, 0.9]", e.getMessage());
        assertEquals("traj temperature 0.61 given twice", assertThrows(InvalidParameter.class, () -> request(List.of(), 5, 0.61, 0.61)).getMessage());
        assertEquals("traj expected trajectories at 2 or more temperatures, got 1", assertThrows(InvalidParameter.class, () -> request(List.of(), 5, 0.61)).getMessage());
        assertThrows(InvalidParameter.class, () -> request(List.of(), 1, 0.61, 0.9));
        // two temperatures with one directory DIR/T0.450: the second would overwrite the first's p_hop and descriptors
        assertEquals("{traj} temperatures 0.4501 and 0.4502 share the directory T0.450; differ in the first 3 decimals",
                assertThrows(InvalidParameter.class, () -> request(List.of(), 5, 0.4501, 0.4502, 0.9)).template());
    }
}
