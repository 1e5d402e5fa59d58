package dev.aei.cli;

import dev.aei.auth.AuthException;
import dev.aei.auth.JwtMinter;
import dev.aei.auth.LoginSettings;
import dev.aei.auth.LoginTokenSource;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.SigningKey;
import dev.aei.auth.TokenSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * How the commands that sign users in ({@code record}, {@code verify}) get their tokens: minted
 * from a secret or a private key, or fetched from a login endpoint. Use as a picocli {@code @Mixin}.
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

    /** The token source the options describe; a missing or contradictory choice is explained. */
    TokenSource tokenSource() {
        String alg = algorithm.trim().toUpperCase(Locale.ROOT);
        if (loginUrl != null) {
            if (secret != null || keyFile != null) {
                throw new IllegalArgumentException("use either --login-url or --secret/--key-file, not both");
            }
            return new LoginTokenSource(LoginSettings.of(loginUrl, password == null ? "" : password));
        }
        if (keyFile != null) {
            if (alg.equals("HS256")) {
                throw new IllegalArgumentException("--key-file needs --alg RS256 or ES256");
            }
            try {
                return new MintingTokenSource(new JwtMinter(SigningKey.fromPem(keyFile, alg)), Clock.systemUTC());
            } catch (AuthException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        if (secret != null) {
            if (!alg.equals("HS256")) {
                throw new IllegalArgumentException("--alg " + algorithm + " signs with --key-file, not --secret");
            }
            return MintingTokenSource.hs256(secret);
        }
        throw new IllegalArgumentException("give --secret, --key-file or --login-url so the users can sign in");
    }
}
