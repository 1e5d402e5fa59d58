package dev.aei.ui.frames;

import dev.aei.protocol.EventRole;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which rows the frames table shows: lanes, direction, event types and roles; an empty set lets
 * everything through.
 *
 * @param lanes     lane ids to show
 * @param direction sent, received or both
 * @param types     event types to show
 * @param roles     event roles to show
 */
record RowFilter(Set<String> lanes, DirectionChoice direction, Set<String> types, Set<EventRole> roles) {

    /** Everything. */
    static final RowFilter ALL = new RowFilter(Set.of(), DirectionChoice.BOTH, Set.of(), Set.of());

    RowFilter {
        lanes = Set.copyOf(lanes);
        types = Set.copyOf(types);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** True when every row passes. */
    boolean all() {
        return lanes.isEmpty() && direction == DirectionChoice.BOTH && types.isEmpty() && roles.isEmpty();
    }

    /** The filter as a test over row columns (lane and type names looked up once per id). */
    Test over(FrameRows rows) {
        return new Test(this, rows);
    }

    /** A filter bound to one set of rows; ids seen after it was made are looked up as they come. */
    static final class Test {
        private final RowFilter filter;
        private final FrameRows rows;
        private byte[] laneOk = new byte[0];
        private byte[] typeOk = new byte[0];

        private Test(RowFilter filter, FrameRows rows) {
            this.filter = filter;
            this.rows = rows;
        }

        boolean passes(int row) {
            if (filter.direction == DirectionChoice.SENT && !rows.sent(row)
                    || filter.direction == DirectionChoice.RECEIVED && rows.sent(row)) {
                return false;
            }
            if (!filter.roles.isEmpty() && !filter.roles.contains(rows.role(row))) {
                return false;
            }
            return (filter.lanes.isEmpty() || laneOk(rows.laneOf(row)))
                    && (filter.types.isEmpty() || typeOk(rows.typeId(row)));
        }

        private boolean laneOk(int lane) {
            if (lane >= laneOk.length) {
                laneOk = java.util.Arrays.copyOf(laneOk, lane + 16);
            }
            if (laneOk[lane] == 0) {
                laneOk[lane] = (byte) (filter.lanes.contains(rows.lane(lane).id()) ? 1 : 2);
            }
            return laneOk[lane] == 1;
        }

        private boolean typeOk(int type) {
            if (type == FrameRows.NONE) {
                return false;
            }
            if (type >= typeOk.length) {
                typeOk = java.util.Arrays.copyOf(typeOk, type + 16);
            }
            if (typeOk[type] == 0) {
                typeOk[type] = (byte) (filter.types.contains(rows.typeName(type)) ? 1 : 2);
            }
            return typeOk[type] == 1;
        }
    }
}
