package dev.aei.ui.app;

import dev.aei.auth.AuthException;
import dev.aei.auth.JwtMinter;
import dev.aei.auth.LoginSettings;
import dev.aei.auth.LoginTokenSource;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.SigningKey;
import dev.aei.auth.TokenClaims;
import dev.aei.auth.TokenSource;
import dev.aei.ui.settings.AppSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/** Turns the sign-in settings into the token source they describe. */
final class TokenSources {

    private TokenSources() {
    }

    /**
     * The source for the settings; {@code secret} is the one to sign with (the demo secret when embedded),
     * {@code claims} the event profile's default claims (each user's own claims are added on top).
     */
    static TokenSource of(AppSettings settings, String secret, TokenClaims claims) throws AuthException {
        return switch (settings.tokenMode()) {
            case AppSettings.TOKEN_KEY_FILE -> minting(SigningKey.fromPem(Path.of(settings.keyFile()),
                    settings.algorithm()), claims);
            case AppSettings.TOKEN_LOGIN -> new LoginTokenSource(LoginSettings.of(loginUri(settings), secret));
            default -> minting(SigningKey.hs256(secret), claims);
        };
    }

    private static TokenSource minting(SigningKey key, TokenClaims claims) {
        return new MintingTokenSource(new JwtMinter(key, claims, JwtMinter.DEFAULT_LIFETIME, Clock.systemUTC()),
                Clock.systemUTC());
    }

    private static URI loginUri(AppSettings settings) throws AuthException {
        try {
            return URI.create(settings.loginUrl());
        } catch (IllegalArgumentException e) {
            throw new AuthException("The login URL is not valid: " + settings.loginUrl());
        }
    }
}
