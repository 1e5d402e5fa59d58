package dev.aei.cli;

import dev.aei.auth.AuthException;
import dev.aei.auth.TokenClaims;
import dev.aei.auth.TokenSource;
import dev.aei.inspect.TokenSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How the commands that sign users in ({@code record}, {@code verify}) get their tokens: minted
 * from a secret or a private key with the profile's default claims (which the claim options
 * override), or fetched from a login endpoint. Use as a picocli {@code @Mixin}.
 */
public final class TokenOptions {

    @Option(names = "--secret", paramLabel = "S", description = "HS256 secret to mint tokens with.")
    String secret;

    @Option(names = "--alg", defaultValue = "HS256", paramLabel = "ALG",
            description = "HS256 (with --secret), RS256 or ES256 (with --key-file).")
    String algorithm;

    @Option(names = "--key-file", paramLabel = "PEM", description = "PKCS#8 PEM private key for RS256/ES256.")
    Path keyFile;

    @Option(names = "--login-url", paramLabel = "URL",
            description = "Fetch tokens from this login endpoint instead of minting them.")
    URI loginUrl;

    @Option(names = "--password", paramLabel = "P", description = "Password sent to the login endpoint.")
    String password;

    @Option(names = "--claim", paramLabel = "KEY=VALUE",
            description = "Set a claim of minted tokens (repeatable); the value is JSON when it parses, e.g. "
                    + "'permissions=[\"read\"]', else text.")
    List<String> claims;

    @Option(names = "--claims", paramLabel = "FILE", description = "A JSON object of claims for minted tokens.")
    Path claimsFile;

    @Option(names = "--issuer", paramLabel = "ISS", description = "The iss claim of minted tokens.")
    String issuer;

    @Option(names = "--audience", paramLabel = "AUD", description = "The aud claim of minted tokens.")
    String audience;

    /** Tokens with the legacy default claims (before profiles stated them) and the run's overrides. */
    TokenSource tokenSource() {
        return tokenSource(TokenClaims.LEGACY.defaults());
    }

    /** The token source the options describe, minting the profile's claims with the run's overrides over them. */
    TokenSource tokenSource(Map<String, Object> profileClaims) {
        try {
            return settings().tokenSource(profileClaims);
        } catch (AuthException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * How tokens are made, as the options say.
     *
     * @throws IllegalArgumentException when the options contradict each other or say nothing
     */
    TokenSettings settings() {
        String alg = algorithm.trim().toUpperCase(Locale.ROOT);
        if (!List.of("HS256", "RS256", "ES256").contains(alg)) {
            throw new IllegalArgumentException("--alg must be HS256 (with --secret), RS256 or ES256 (with --key-file),"
                    + " got " + algorithm);
        }
        boolean overrides = claims != null && !claims.isEmpty() || claimsFile != null || issuer != null
                || audience != null;
        if (loginUrl != null) {
            if (secret != null || keyFile != null) {
                throw new IllegalArgumentException("use either --login-url or --secret/--key-file, not both");
            }
            if (overrides) {
                throw new IllegalArgumentException("--claim, --claims, --issuer and --audience set the claims of "
                        + "minted tokens; tokens from --login-url carry what the login endpoint put in them");
            }
            return TokenSettings.login(loginUrl, password == null ? "" : password);
        }
        Map<String, Object> claimOverrides = ClaimOverrides.read(claimsFile, claims, issuer, audience);
        if (keyFile != null) {
            if (alg.equals("HS256")) {
                throw new IllegalArgumentException("--key-file needs --alg RS256 or ES256");
            }
            return TokenSettings.keyFile(keyFile, alg).withClaims(claimOverrides);
        }
        if (secret != null) {
            if (!alg.equals("HS256")) {
                throw new IllegalArgumentException("--alg " + algorithm + " signs with --key-file, not --secret");
            }
            return TokenSettings.secret(secret).withClaims(claimOverrides);
        }
        throw new IllegalArgumentException("give --secret, --key-file or --login-url so the users can sign in");
    }
}
