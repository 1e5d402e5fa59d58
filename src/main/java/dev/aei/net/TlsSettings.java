package dev.aei.net;

import java.nio.file.Path;

/**
 * How {@code wss://} servers are trusted. By default the system trust store with hostname
 * verification; a custom trust store (PKCS#12, JKS, or PEM certificates) replaces it; the
 * insecure switch, meant for self-signed test servers only, trusts any certificate and host.
 *
 * @param trustStore         a trust store or PEM CA file, or null for the system trust store
 * @param trustStorePassword the trust store's password, or null
 * @param insecure           trust every certificate and skip hostname verification
 */
public record TlsSettings(Path trustStore, String trustStorePassword, boolean insecure) {

    /** The system trust store with hostname verification. */
    public static final TlsSettings SYSTEM = new TlsSettings(null, null, false);

    /** A custom trust store (or PEM CA file) with hostname verification. */
    public static TlsSettings trusting(Path trustStore, String password) {
        return new TlsSettings(trustStore, password, false);
    }

    /** Trusts any certificate for any host: for self-signed test servers only. */
    public static TlsSettings insecureForTesting() {
        return new TlsSettings(null, null, true);
    }

    @Override
    public String toString() {
        return "TlsSettings[trustStore=" + trustStore + ", insecure=" + insecure + "]";
    }
}
