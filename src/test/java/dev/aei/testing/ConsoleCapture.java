package dev.aei.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures System.out and System.err around each test, for tests of commands that print: register
 * it with {@code @RegisterExtension} and read {@link #out()} and {@link #err()}.
 */
public final class ConsoleCapture implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** What the test printed on System.out since it started or since {@link #reset()}. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the test printed on System.err since it started or since {@link #reset()}. */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Both, out first: what a user would have read in a terminal, for assertion messages. */
    public String both() {
        return out() + err();
    }

    /** Forgets what was printed so far. */
    public void reset() {
        out.reset();
        err.reset();
    }
}
