package dev.aei.reliability;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches for errors that would otherwise pass silently while it is installed: exceptions no
 * thread caught, and what the socket library logs on System.err when a listener throws (it then
 * calls {@code onError} and goes on, so a lost frame would leave no other trace).
 */
final class ErrorWatch implements AutoCloseable {
    private static final int MAX_KEPT = 1 << 20;

    private final Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();
    private final PrintStream previousErr = System.err;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream errText = new ByteArrayOutputStream();

    private ErrorWatch() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        System.setErr(new PrintStream(new Tee(previousErr, errText), true, StandardCharsets.UTF_8));
    }

    static ErrorWatch install() {
        return new ErrorWatch();
    }

    /** Exceptions that escaped a thread. */
    List<Throwable> uncaught() {
        return uncaught;
    }

    /** What was written to System.err (the first MiB). */
    String errText() {
        synchronized (errText) {
            return errText.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setErr(previousErr);
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    }

    /** Writes through to the real stream and keeps a bounded copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream out, ByteArrayOutputStream copy) {
            this.out = out;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, Math.max(0, Math.min(len, MAX_KEPT - copy.size())));
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            out.flush();
        }
    }
}
