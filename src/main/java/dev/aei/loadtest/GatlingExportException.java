package dev.aei.loadtest;

/** A recording that cannot become a simulation, or a project that cannot be written; the message says why. */
public final class GatlingExportException extends Exception {
    public GatlingExportException(String message) {
        super(message);
    }

    public GatlingExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
