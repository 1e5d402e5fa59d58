package dev.aei.capture;

import java.io.IOException;

/** A file could not be read as a capture journal; the message says why in plain words. */
public class JournalException extends IOException {

    public JournalException(String message) {
        super(message);
    }
}
