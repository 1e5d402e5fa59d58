package dev.aei.auth;

/** A token could not be made or fetched; the message says why in words a user understands. */
public class AuthException extends Exception {

    public AuthException(String message) {
        super(message);
    }

    public AuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
