package org.softglass.study.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyReader;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.study.FrameRange;
import org.softglass.study.HopTrajectory;
import org.softglass.study.StudyFixture;

/** {@link DescriptorStudy}: a block of frames is the same rows as the whole run's, whatever the block size. */
class DescriptorStudyTest extends StudyFixture {
    DescriptorStudyTest() {
        super(2);
    }

    @Test
    void aFrameBlockIsTheWholeRunsRowsBitForBit() throws IOException {
        Path traj = hopTrajectory();
        DescriptorSpec spec = DescriptorSpec.preset("fluidity-100");
        DescriptorStudy.Result whole = DescriptorStudy.run(DescriptorStudy.Request.of(traj, spec, -1, NpyDType.FLOAT64), dir.resolve("all"), ctx);
        assertEquals(HopTrajectory.FRAMES, whole.frames());
        assertEquals((long) HopTrajectory.FRAMES * HopTrajectory.N, whole.rows());
        assertTrue(whole.reachedEnd());
        DescriptorStudy.Result part = DescriptorStudy.run(new DescriptorStudy.Request(traj, spec, null, -1, NpyDType.FLOAT64, new FrameRange(5, 9), 3),
                dir.resolve("part"), ctx);
        assertEquals(4, part.frames());
        assertFalse(part.reachedEnd(), "frames after the block: not the last shard");
        NpyArray all = NpyReader.read(dir.resolve("all/features.npy")), blk = NpyReader.read(dir.resolve("part/features.npy"));
        int m = whole.columns(), n = HopTrajectory.N;
        assertArrayEquals(Arrays.copyOfRange(all.doubles(), 5 * n * m, 9 * n * m), blk.doubles());
        long[] rows = NpyReader.read(dir.resolve("part/rows.npy")).longs();
        assertEquals(5, rows[0]);
        assertEquals(8, rows[rows.length - 3]);
    }

    @Test
    void aBlockBeyondTheFileNamesTheParameter() throws IOException {
        Path traj = hopTrajectory();
        InputFormatException e = assertThrows(InputFormatException.class, () -> DescriptorStudy.run(new DescriptorStudy.Request(traj,
                DescriptorSpec.preset("fluidity-100"), null, -1, NpyDType.FLOAT32, new FrameRange(30, 40), DescriptorStudy.BLOCK), dir.resolve("none"), ctx));
        assertTrue(e.getMessage().endsWith("no frames in frames 30:40 (the file has 21)"), e.getMessage());
        assertTrue(e.template().endsWith("no frames in {frames} 30:40 (the file has 21)"), e.template());
    }
}
