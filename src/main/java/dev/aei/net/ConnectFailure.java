package dev.aei.net;

import dev.aei.auth.Redactor;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Why a connection never opened, in words a user understands.
 *
 * @param httpStatus the HTTP status of a refused upgrade (e.g. 401), else 0
 * @param detail     a short reason, credentials masked
 */
record ConnectFailure(int httpStatus, String detail) {
    // How the library words an upgrade answered with something other than 101.
    private static final Pattern STATUS_LINE =
            Pattern.compile("Invalid status code received: (\\d{3}) Status line: \\S+ \\d{3} ?(.*)");

    /** Explains a socket that closed before its handshake completed. */
    static ConnectFailure of(String closeReason, Exception error) {
        Matcher status = STATUS_LINE.matcher(closeReason == null ? "" : closeReason);
        if (status.find()) {
            int code = Integer.parseInt(status.group(1));
            String text = status.group(2).isBlank() ? "" : " " + status.group(2).trim();
            return new ConnectFailure(code, Redactor.message("HTTP " + code + text));
        }
        return new ConnectFailure(0, Redactor.message(describe(error, closeReason)));
    }

    private static String describe(Exception error, String closeReason) {
        if (error instanceof ConnectException) {
            return "connection refused";
        }
        if (error instanceof UnknownHostException) {
            return "unknown host " + error.getMessage();
        }
        if (error instanceof SocketTimeoutException) {
            return "connection timed out";
        }
        if (error instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (error instanceof SSLException) {
            return "TLS error: " + messageOf(error);
        }
        if (error != null) {
            return messageOf(error);
        }
        return closeReason == null || closeReason.isBlank() ? "connection closed during the handshake" : closeReason;
    }

    private static String messageOf(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : error.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
