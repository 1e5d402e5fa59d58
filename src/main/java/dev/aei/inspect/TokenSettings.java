package dev.aei.inspect;

import dev.aei.auth.AuthException;
import dev.aei.auth.JwtMinter;
import dev.aei.auth.LoginSettings;
import dev.aei.auth.LoginTokenSource;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.SigningKey;
import dev.aei.auth.TokenClaims;
import dev.aei.auth.TokenSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How test users get their tokens, the same for the window and the command line: minted from a
 * secret or a private key (the profile's claims with {@code claimOverrides} over them), or fetched
 * from a login endpoint.
 *
 * @param kind           how tokens are made
 * @param algorithm      the signing algorithm: HS256 with a secret, RS256 or ES256 with a key file
 * @param secret         the HS256 secret, or null
 * @param keyFile        the PKCS#8 PEM key, or null
 * @param loginUrl       the login endpoint, or null
 * @param password       what the login endpoint is sent, or null
 * @param claimOverrides claims set over the profile's own, for minted tokens
 */
public record TokenSettings(Kind kind, String algorithm, String secret, Path keyFile, URI loginUrl, String password,
                            Map<String, Object> claimOverrides) {

    /** The ways to get a token. */
    public enum Kind {
        SECRET, KEY_FILE, LOGIN
    }

    public TokenSettings {
        algorithm = algorithm == null || algorithm.isBlank() ? "HS256" : algorithm.strip();
        claimOverrides = claimOverrides == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(claimOverrides)); // claims keep their order
    }

    /** Tokens minted with an HS256 secret. */
    public static TokenSettings secret(String secret) {
        return new TokenSettings(Kind.SECRET, "HS256", secret, null, null, null, Map.of());
    }

    /** Tokens minted with a private key file. */
    public static TokenSettings keyFile(Path keyFile, String algorithm) {
        return new TokenSettings(Kind.KEY_FILE, algorithm, null, keyFile, null, null, Map.of());
    }

    /** Tokens fetched from a login endpoint. */
    public static TokenSettings login(URI loginUrl, String password) {
        return new TokenSettings(Kind.LOGIN, "HS256", null, null, loginUrl, password, Map.of());
    }

    /** These settings minting with other claim overrides. */
    public TokenSettings withClaims(Map<String, Object> overrides) {
        return new TokenSettings(kind, algorithm, secret, keyFile, loginUrl, password, overrides);
    }

    /** The token source these settings describe; {@code profileClaims} are the event profile's defaults. */
    public TokenSource tokenSource(Map<String, Object> profileClaims) throws AuthException {
        return switch (kind) {
            case LOGIN -> new LoginTokenSource(LoginSettings.of(loginUrl, password == null ? "" : password));
            case KEY_FILE -> minting(SigningKey.fromPem(keyFile, algorithm), profileClaims);
            case SECRET -> minting(SigningKey.hs256(secret == null ? "" : secret), profileClaims);
        };
    }

    private TokenSource minting(SigningKey key, Map<String, Object> profileClaims) {
        TokenClaims claims = new TokenClaims(profileClaims).overriddenBy(claimOverrides);
        return new MintingTokenSource(new JwtMinter(key, claims, JwtMinter.DEFAULT_LIFETIME, Clock.systemUTC()),
                Clock.systemUTC());
    }
}
