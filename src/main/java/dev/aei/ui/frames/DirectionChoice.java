package dev.aei.ui.frames;

/** Which way the frames the table shows travelled. */
public enum DirectionChoice {
    /** Sent and received. */
    BOTH("↑↓ both"),
    /** Only what this tool sent. */
    SENT("↑ sent"),
    /** Only what the server sent. */
    RECEIVED("↓ received");

    private final String label;

    DirectionChoice(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
