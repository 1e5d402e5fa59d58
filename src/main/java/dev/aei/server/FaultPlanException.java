package dev.aei.server;

import java.io.IOException;

/** A fault plan that cannot be read or makes no sense; the message names the entry and the problem. */
public final class FaultPlanException extends IOException {

    public FaultPlanException(String message) {
        super(message);
    }

    public FaultPlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
