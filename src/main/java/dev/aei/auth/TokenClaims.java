package dev.aei.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims every minted token carries unless a user overrides them: the profile's defaults with
 * a run's overrides laid over them. String values may hold {@code ${user_id}}, filled per user.
 * {@code sub} is always the user id and {@code iat}, {@code exp}, {@code jti} are set at minting.
 *
 * @param defaults claim names and values (strings, numbers, booleans, lists, maps)
 */
public record TokenClaims(Map<String, Object> defaults) {
    /** The placeholder for the user id in claim values. */
    public static final String USER_ID = "${user_id}";
    /** Claims set at minting, never from defaults or overrides. */
    public static final List<String> RESERVED = List.of("sub", "iat", "exp", "jti");

    /** The claims this tool minted before profiles stated them. */
    public static final TokenClaims LEGACY = issuedBy("aei");

    public TokenClaims {
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        for (String reserved : RESERVED) {
            if (defaults.containsKey(reserved)) {
                throw new IllegalArgumentException("the claim '" + reserved + "' is set when minting and cannot be given");
            }
        }
    }

    /** The former default claims with this issuer. */
    public static TokenClaims issuedBy(String issuer) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("email", USER_ID + "@example.com");
        claims.put("permissions", List.of("read", "write"));
        claims.put("type", "access");
        return new TokenClaims(claims);
    }

    /** These claims with others laid over them (same name: the override wins). */
    public TokenClaims overriddenBy(Map<String, ?> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        merged.putAll(overrides);
        return new TokenClaims(merged);
    }

    /** The claims of one user's token (without {@code sub}): these, then the user's own claims over them. */
    public Map<String, Object> forUser(TestUser user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        defaults.forEach((name, value) -> claims.put(name, fill(value, user.id())));
        claims.putAll(user.claims());
        RESERVED.forEach(claims::remove);
        return claims;
    }

    private static Object fill(Object value, String userId) {
        if (value instanceof String text) {
            return text.replace(USER_ID, userId);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> fill(item, userId)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> filled = new LinkedHashMap<>();
            map.forEach((k, v) -> filled.put(k, fill(v, userId)));
            return filled;
        }
        return value;
    }
}
