package dev.aei.ui.signin;

import dev.aei.net.LaneState;

/** Words and marks for a lane's connection state, as the sign-in table and presenter show them. */
public final class LaneStates {

    /** The state shown for a lane read from a file: it has no connection, so it is not "closed". */
    public static final LaneState FROM_FILE = new LaneState(LaneState.Status.CLOSED, 0, "in the file");

    private LaneStates() {
    }

    /**
     * A short status line: "connected", "401 · Unauthorized", "closed (1006)", "1006 · closed by the
     * server"; the table adds ✓/✗ icons.
     */
    public static String describe(LaneState state) {
        if (state.equals(FROM_FILE)) {
            return FROM_FILE.detail();
        }
        String detail = state.detail() == null || state.detail().isBlank() ? "" : " · " + state.detail();
        return switch (state.status()) {
            case IDLE -> "not connected";
            case CONNECTING -> "connecting…";
            case RECONNECTING -> "reconnecting…";
            case CONNECTED -> "connected";
            case FAILED -> (state.code() > 0 ? String.valueOf(state.code()) : "failed") + detail;
            // the detail says who closed it ("closed by the server"): the code leads, as for a failure
            case CLOSED -> detail.isEmpty() || state.code() <= 0
                    ? "closed" + (state.code() > 0 ? " (" + state.code() + ")" : "") + detail : state.code() + detail;
        };
    }

    /** True when the lane can send and receive. */
    public static boolean isConnected(LaneState state) {
        return state.status() == LaneState.Status.CONNECTED;
    }

    /** True while a connection attempt is under way. */
    public static boolean isBusy(LaneState state) {
        return state.status() == LaneState.Status.CONNECTING || state.status() == LaneState.Status.RECONNECTING;
    }
}
