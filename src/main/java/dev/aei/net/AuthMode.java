package dev.aei.net;

import java.util.Locale;

/** How a socket presents its JWT to the server. */
public enum AuthMode {
    /** {@code Authorization: Bearer <JWT>} header on the upgrade request. */
    HEADER,
    /** Subprotocol {@code jwt.<JWT>}, echoed back by the server. */
    SUBPROTOCOL,
    /** Query parameter {@code ?token=<JWT>}. */
    QUERY,
    /** POST the JWT to a ticket URL, then connect with {@code ?ticket=}. */
    TICKET;

    /** Lower-case name as used on the command line and in files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label such as {@code header}; case-insensitive. */
    public static AuthMode parse(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
