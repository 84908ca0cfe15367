package org.softglass.study.correlate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.softglass.core.correlate.KickFrame.Role;
import org.softglass.core.space.Box;

/** Roles {@link CorrelationStudy} gives particles around a rearrangement frame (issue 15: A rearrangers, window). */
class CorrelationRolesTest {

    @Test
    void rolesFollowSpeciesAndWindow() {
        long[] ids = {1, 2, 3, 4, 5, 6};
        double[] zero = new double[6];
        var sn = new Snapshot(Box.cubic(10), ids, zero, zero, zero);
        TreeMap<Long, List<long[]>> ev = new TreeMap<>();
        add(ev, 50, 1, 1);     // A at the frame: rearranger
        add(ev, 50, 2, 2);     // B at the frame: excluded, sets no r̃
        add(ev, 47, 3, 1);     // A three frames earlier, inside a 5-frame window: window rearranger
        add(ev, 53, 4, 2);     // B inside the window: excluded
        add(ev, 56, 5, 1);     // A outside the window: bystander
        add(ev, 55, 1, 1);     // particle 1 again inside the window: still the frame's rearranger
        Role[] r = CorrelationStudy.roles(sn, 50, 5, ev, 1);
        assertArrayEquals(new Role[] {Role.REARRANGER, Role.EXCLUDED, Role.WINDOW_REARRANGER, Role.EXCLUDED, Role.BYSTANDER, Role.BYSTANDER}, r);
        // --rearrangers all: B events are rearrangers too
        Role[] all = CorrelationStudy.roles(sn, 50, 5, ev, 0);
        assertArrayEquals(new Role[] {Role.REARRANGER, Role.REARRANGER, Role.WINDOW_REARRANGER, Role.WINDOW_REARRANGER, Role.BYSTANDER, Role.BYSTANDER}, all);
    }

    private static void add(TreeMap<Long, List<long[]>> ev, long frame, long id, long type) {
        ev.computeIfAbsent(frame, k -> new ArrayList<>()).add(new long[] {id, type});
    }
}
