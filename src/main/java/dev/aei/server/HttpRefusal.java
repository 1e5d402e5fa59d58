package dev.aei.server;

/** A request one of the backend's HTTP endpoints refuses, with its HTTP status. */
final class HttpRefusal extends Exception {

    private final int status;

    HttpRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
