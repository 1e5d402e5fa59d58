package dev.aei.net;

import dev.aei.auth.Redactor;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Everything one connection attempt sends in its upgrade request.
 *
 * @param uri         the URL to connect to (may carry a token or ticket: never show it)
 * @param headers     extra HTTP headers (may carry a token: never show them)
 * @param subprotocols subprotocols to offer, in order (may carry a token)
 */
record ConnectRequest(URI uri, Map<String, String> headers, List<String> subprotocols) {

    /** The URL with credentials masked, safe to show and store. */
    String shownUrl() {
        return Redactor.message(uri.toString());
    }
}
