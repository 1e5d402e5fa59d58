package dev.aei.auth;

import dev.aei.runtime.IoReason;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.SecretKey;

/**
 * A key that signs JWTs together with its algorithm: HS256 from a shared secret, or RS256/ES256
 * from a PKCS#8 PEM private key file.
 *
 * @param algorithm the JWS algorithm name, e.g. {@code HS256}
 * @param key       the signing key
 */
public record SigningKey(String algorithm, Key key) {

    /** HMAC keys shorter than this are zero-padded (see {@link #hmacKey}). */
    private static final int MIN_HMAC_BYTES = 32;

    /** An HS256 key from a shared secret (any length above zero). */
    public static SigningKey hs256(String secret) {
        return new SigningKey("HS256", hmacKey(secret));
    }

    /**
     * The HMAC-SHA256 key for a secret. HMAC zero-pads keys shorter than its 64-byte block, so
     * padding a short secret to the 32 bytes jjwt insists on yields the very same signatures a
     * backend using the short secret computes.
     */
    public static SecretKey hmacKey(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the HS256 secret is empty");
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        return Keys.hmacShaKeyFor(bytes.length >= MIN_HMAC_BYTES ? bytes : Arrays.copyOf(bytes, MIN_HMAC_BYTES));
    }

    /**
     * Reads a PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}) for RS256 or ES256.
     *
     * @throws AuthException when the file is missing, not PKCS#8 PEM, or not a key of that kind
     */
    public static SigningKey fromPem(Path pemFile, String algorithm) throws AuthException {
        String alg = algorithm.trim().toUpperCase(Locale.ROOT);
        String keyType = switch (alg) {
            case "RS256" -> "RSA";
            case "ES256" -> "EC";
            default -> throw new AuthException("unsupported key algorithm " + algorithm + " (use RS256 or ES256)");
        };
        String pem;
        try {
            pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AuthException("cannot read key file " + pemFile + ": " + IoReason.of(e), e);
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
            throw new AuthException("key file " + pemFile + " is PKCS#1/SEC1; convert it to PKCS#8 with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in OLD.pem -out NEW.pem'");
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new AuthException("key file " + pemFile + " holds no PKCS#8 PEM private key "
                    + "(-----BEGIN PRIVATE KEY-----)");
        }
        String body = pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end);
        try {
            byte[] der = Base64.getMimeDecoder().decode(body);
            Key key = KeyFactory.getInstance(keyType).generatePrivate(new PKCS8EncodedKeySpec(der));
            return new SigningKey(alg, key);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new AuthException("key file " + pemFile + " is not a valid " + keyType + " private key for " + alg, e);
        }
    }

    /** The jjwt algorithm object for {@link #algorithm()}. */
    @SuppressWarnings("unchecked")
    SecureDigestAlgorithm<Key, ?> jwsAlgorithm() {
        return (SecureDigestAlgorithm<Key, ?>) Jwts.SIG.get().forKey(algorithm);
    }
}
