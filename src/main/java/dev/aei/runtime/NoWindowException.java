package dev.aei.runtime;

/**
 * The desktop window could not open (no display, no GTK libraries): says why in words a user can
 * act on, instead of JavaFX's stack trace. The commands need no window, so the message points there.
 */
public final class NoWindowException extends RuntimeException {
    private static final String COMMANDS = "The commands need no window: aei --help lists them.";

    public NoWindowException(RuntimeException toolkitFailure) {
        super(explain(toolkitFailure.getMessage()), toolkitFailure);
    }

    /** The sentence for JavaFX's own reason (its messages on Linux name the display or GTK). */
    static String explain(String reason) {
        String why = reason == null ? "" : reason;
        if (why.contains("DISPLAY")) {
            return "the window cannot open: there is no display to show it on (DISPLAY is not set, or its X"
                    + " server does not answer). On a machine without a screen, run it under Xvfb"
                    + " (xvfb-run java -jar aei.jar). " + COMMANDS;
        }
        if (why.contains("GTK")) {
            return "the window cannot open: the GTK 3 libraries JavaFX needs on Linux are missing (Debian,"
                    + " Ubuntu: sudo apt install libgtk-3-0). " + COMMANDS;
        }
        return "the window cannot open: " + (why.isBlank() ? "JavaFX could not start" : why) + ". " + COMMANDS;
    }
}
