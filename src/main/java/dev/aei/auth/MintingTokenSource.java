package dev.aei.auth;

import java.time.Clock;
import java.util.Map;

/** Mints tokens locally with a signing key, caching each user's token until shortly before expiry. */
public final class MintingTokenSource implements TokenSource {

    private final JwtMinter minter;
    private final TokenCache cache;

    public MintingTokenSource(JwtMinter minter, Clock clock) {
        this.minter = minter;
        this.cache = new TokenCache(clock);
    }

    /** HS256 tokens from a shared secret, default issuer and 15 min lifetime. */
    public static MintingTokenSource hs256(String secret) {
        return new MintingTokenSource(new JwtMinter(SigningKey.hs256(secret)), Clock.systemUTC());
    }

    @Override
    public String token(TestUser user) throws AuthException {
        return cache.get(user, minter::mint);
    }

    /** The profile's claims with the overrides and the user's own over them, as minted. */
    @Override
    public Map<String, Object> claims(TestUser user) {
        return minter.claims().forUser(user);
    }
}
