package dev.aei.net;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Adds a query parameter to a URL that may already have a query. */
final class UrlQuery {

    private UrlQuery() {
    }

    /** The URL with {@code name=value} appended to its query (value percent-encoded). */
    static URI withParam(URI uri, String name, String value) {
        String param = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        String query = uri.getRawQuery();
        StringBuilder url = new StringBuilder()
                .append(uri.getScheme()).append("://").append(uri.getRawAuthority())
                .append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                .append('?').append(query == null || query.isEmpty() ? param : query + "&" + param);
        return URI.create(url.toString());
    }
}
