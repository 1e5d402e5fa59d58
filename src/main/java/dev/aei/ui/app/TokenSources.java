package dev.aei.ui.app;

import dev.aei.auth.AuthException;
import dev.aei.auth.JwtMinter;
import dev.aei.auth.LoginSettings;
import dev.aei.auth.LoginTokenSource;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.SigningKey;
import dev.aei.auth.TokenSource;
import dev.aei.ui.settings.AppSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/** Turns the sign-in settings into the token source they describe. */
final class TokenSources {

    private TokenSources() {
    }

    /** The source for the settings; {@code secret} is the one to sign with (the demo secret when embedded). */
    static TokenSource of(AppSettings settings, String secret) throws AuthException {
        return switch (settings.tokenMode()) {
            case AppSettings.TOKEN_KEY_FILE -> new MintingTokenSource(new JwtMinter(
                    SigningKey.fromPem(Path.of(settings.keyFile()), settings.algorithm())), Clock.systemUTC());
            case AppSettings.TOKEN_LOGIN -> new LoginTokenSource(LoginSettings.of(loginUri(settings), secret));
            default -> MintingTokenSource.hs256(secret);
        };
    }

    private static URI loginUri(AppSettings settings) throws AuthException {
        try {
            return URI.create(settings.loginUrl());
        } catch (IllegalArgumentException e) {
            throw new AuthException("The login URL is not valid: " + settings.loginUrl());
        }
    }
}
