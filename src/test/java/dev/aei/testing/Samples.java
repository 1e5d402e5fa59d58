package dev.aei.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Real captures kept with the tests (under {@code src/test/resources/samples}). */
public final class Samples {
    private Samples() {
    }

    /**
     * A HAR saved from headless Chromium's DevTools: a page entry and one netra-style socket of one
     * user, the JWT (a throwaway test secret's) in the socket's URL; a clean run.
     */
    public static Path chromiumOneUserHar() {
        try {
            return Path.of(Samples.class.getResource("/samples/chromium-one-user.har").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
