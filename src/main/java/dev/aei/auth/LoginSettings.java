package dev.aei.auth;

import java.net.URI;
import java.time.Duration;

/**
 * How to fetch tokens from a login endpoint.
 *
 * @param url          the endpoint, POSTed a JSON body
 * @param bodyTemplate the JSON body; string values {@code ${user}} and {@code ${password}} are replaced
 * @param password     the password sent for every user (a user's {@code password} claim overrides it)
 * @param tokenPath    dotted path of the token in the JSON answer, e.g. {@code access_token} or {@code data.token}
 * @param timeout      connect and request timeout
 */
public record LoginSettings(URI url, String bodyTemplate, String password, String tokenPath, Duration timeout) {

    /** The default body: {@code {"username":"${user}","password":"${password}"}}. */
    public static final String DEFAULT_BODY = "{\"username\":\"${user}\",\"password\":\"${password}\"}";
    /** The default token path. */
    public static final String DEFAULT_TOKEN_PATH = "access_token";

    /** Default body and token path, 10 s timeout. */
    public static LoginSettings of(URI url, String password) {
        return new LoginSettings(url, DEFAULT_BODY, password, DEFAULT_TOKEN_PATH, Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        return "LoginSettings[url=" + url + ", tokenPath=" + tokenPath + "]";
    }
}
