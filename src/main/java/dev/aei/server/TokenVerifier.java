package dev.aei.server;

import dev.aei.auth.SigningKey;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.security.SignatureException;

/** Checks access tokens the way the real backend does: HS256 signature, expiry, {@code type=access}, a subject. */
final class TokenVerifier {

    private final JwtParser parser;

    TokenVerifier(String secret) {
        this.parser = Jwts.parser().verifyWith(SigningKey.hmacKey(secret)).build();
    }

    /** The token's subject (user id), or a 401 rejection saying what is wrong. */
    String verify(String token) throws HandshakeRejection {
        if (token == null || token.isBlank()) {
            throw HandshakeRejection.unauthorized("missing token");
        }
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token.trim()).getPayload();
        } catch (ExpiredJwtException e) {
            throw HandshakeRejection.unauthorized("token expired");
        } catch (SignatureException e) {
            throw HandshakeRejection.unauthorized("bad token signature");
        } catch (MalformedJwtException e) {
            throw HandshakeRejection.unauthorized("malformed token");
        } catch (JwtException | IllegalArgumentException e) {
            throw HandshakeRejection.unauthorized("invalid token");
        }
        if (!"access".equals(claims.get("type"))) {
            throw HandshakeRejection.unauthorized("token type is not access");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw HandshakeRejection.unauthorized("token has no subject");
        }
        return subject;
    }
}
