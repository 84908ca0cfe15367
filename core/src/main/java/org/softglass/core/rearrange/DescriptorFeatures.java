package org.softglass.core.rearrange;

import java.util.List;
import java.util.Map;
import org.softglass.core.io.Frame;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.core.structure.FeatureFiles;

/**
 * The structure functions of DESIGN §3 ({@link DescriptorCalculator}: a preset such as {@code ka-266} or a
 * custom spec) as training-set features. Columns, their order and their descriptions are exactly those
 * of the {@code descriptors} command's {@code features.json}, so a classifier trained on a training set
 * applies unchanged to a descriptors directory.
 */
public final class DescriptorFeatures implements FeatureSource {
    private final DescriptorCalculator calc;

    /** @param threads threads the descriptor kernels use */
    public DescriptorFeatures(DescriptorSpec spec, int threads) {
        this.calc = new DescriptorCalculator(spec, threads);
    }

    @Override
    public int columns() { return calc.columns(); }

    @Override
    public void compute(Frame frame, int[] slots, double[] out) {
        calc.compute(frame.box(), frame.particles(), slots, out, 0);
    }

    @Override
    public List<Map<String, Object>> columnDescriptions() { return FeatureFiles.columnMaps(calc.spec()); }

    @Override
    public String preset() { return calc.spec().name(); }

    @Override
    public double rmax() { return calc.spec().rmax(); }

    @Override
    public Double tolerance() { return calc.spec().tolerance(); }

    @Override
    public void close() { calc.close(); }
}
