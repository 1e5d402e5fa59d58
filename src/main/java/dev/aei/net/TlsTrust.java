package dev.aei.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds (once) the socket factory that {@link TlsSettings} asks for. */
final class TlsTrust {
    private final TlsSettings settings;
    private SSLSocketFactory factory;

    TlsTrust(TlsSettings settings) {
        this.settings = settings;
    }

    /** False only with the insecure switch. */
    boolean verifiesHostnames() {
        return !settings.insecure();
    }

    /** A TLS socket connected to the URL's host with its handshake done (and the host verified unless insecure). */
    Socket connect(URI uri, int timeoutMillis) throws IOException {
        int port = uri.getPort() > 0 ? uri.getPort() : 443;
        SSLSocket socket = (SSLSocket) socketFactory().createSocket();
        try {
            SSLParameters parameters = socket.getSSLParameters();
            if (verifiesHostnames()) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            socket.setSSLParameters(parameters);
            socket.connect(new InetSocketAddress(uri.getHost(), port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.startHandshake();
            socket.setSoTimeout(0);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The factory for {@code wss://} sockets: the JVM's default unless a store or the insecure switch is set. */
    synchronized SSLSocketFactory socketFactory() throws SetupException {
        if (factory != null) {
            return factory;
        }
        if (!settings.insecure() && settings.trustStore() == null) {
            factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
            return factory;
        }
        try {
            TrustManager[] trust = settings.insecure() ? new TrustManager[] {new TrustEverything()}
                    : trustManagers(loadTrustStore(settings.trustStore(), settings.trustStorePassword()));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            factory = context.getSocketFactory();
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new SetupException("cannot use trust store " + settings.trustStore() + ": " + e.getMessage(), e);
        }
    }

    /** The trust configuration itself is unusable (missing or unreadable store), as opposed to a failing server. */
    static final class SetupException extends IOException {
        SetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static TrustManager[] trustManagers(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    /** Reads a PKCS#12 or JKS store, or PEM/DER certificates (by file name: .pem, .crt, .cer, .der). */
    static KeyStore loadTrustStore(Path file, String password) throws IOException, GeneralSecurityException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        char[] secret = password == null ? null : password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer") || name.endsWith(".der")) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                Collection<? extends Certificate> certificates =
                        CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (certificates.isEmpty()) {
                    throw new IOException("no certificate in " + file);
                }
                int i = 0;
                for (Certificate certificate : certificates) {
                    store.setCertificateEntry("ca-" + i++, certificate);
                }
                return store;
            }
            KeyStore store = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, secret);
            return store;
        }
    }

    /** The insecure switch: accepts any certificate chain. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // insecure by explicit request
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // insecure by explicit request
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
