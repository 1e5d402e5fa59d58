package dev.aei.server;

/** A WebSocket upgrade the backend refuses, with the HTTP status and a short reason for the client. */
final class HandshakeRejection extends Exception {

    private final int status;

    HandshakeRejection(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    /** An HTTP 401 with the given reason. */
    static HandshakeRejection unauthorized(String reason) {
        return new HandshakeRejection(401, reason);
    }

    int status() {
        return status;
    }

    String reason() {
        return getMessage();
    }
}
