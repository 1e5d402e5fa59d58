package dev.aei.capture;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.runtime.BackgroundPriority;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends a session to a JSON Lines journal while it is captured (format in {@link JournalFormat}).
 * Listener calls run on network threads inside the session's lock, so they only queue a line;
 * one daemon writer thread turns queued lines into text and writes them, flushing whenever the
 * queue runs dry and at least every {@value #FLUSH_MILLIS} ms under load. Closing drains the
 * queue, flushes and syncs the file.
 *
 * <p>A kill loses at most the last second: the writer may fall behind by up to
 * {@value #MAX_LAG_MILLIS} ms (the age of the oldest queued line); beyond that the capturing thread
 * that notices writes the queue out itself once out of the session's lock, so its socket is read
 * more slowly instead of the file lagging further behind. Within that allowance the writer runs at
 * the system's lowest priority: during a burst that keeps the processor busy it yields to the
 * sockets and catches up in the gaps and after the burst. Nobody ever waits for it: whoever needs
 * the lines written (a flush, the close, one capturing thread past the allowance) takes the
 * writing lock, which the writer holds a batch at a time, and writes them on its own thread.
 */
public final class JournalWriter implements CaptureListener, AutoCloseable {
    static final long FLUSH_MILLIS = 100;
    /** How far behind the writer may fall: with a flush interval on top, within a second. */
    static final long MAX_LAG_MILLIS = 800;
    private static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_LAG_MILLIS);
    /** How often a capturing thread looks at the writer's lag: reading the queue's head costs a cache miss. */
    private static final long LAG_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Lines the writer writes per turn of its lock. */
    private static final int BATCH_LINES = 64;

    private final Path file;
    private final Session session;
    private final JsonGenerator out;
    private final JournalFormat format;
    /** Lock-free: a capturing thread adds inside the session's lock and must never wait for the writer's. */
    private final Queue<Line> queue = new ConcurrentLinkedQueue<>();
    /** When a capturing thread next looks at the lag; a race between two only moves a look. */
    private long nextLagCheck;
    /** Set inside the session's lock when the oldest line waits too long; written out after it. */
    private volatile boolean tooFarBehind;
    /** True while a capturing thread writes the queue out: one at a time, the others go on capturing. */
    private final AtomicBoolean catchingUp = new AtomicBoolean();
    /** Held while lines are written: by the writer a batch at a time, or by a thread writing for itself. */
    private final ReentrantLock writing = new ReentrantLock(true);
    /** Lines written since the last flush (guarded by {@link #writing}). */
    private boolean dirty;
    private final Thread writer;
    private volatile IOException error;
    private volatile boolean closed;

    private JournalWriter(Path file, Session session, JsonGenerator out, JournalFormat format) {
        this.file = file;
        this.session = session;
        this.out = out;
        this.format = format;
        this.writer = new Thread(this::drain, "aei-journal");
        writer.setDaemon(true);
    }

    /**
     * Creates (or truncates) the journal, writes the header and everything the session already
     * holds, and keeps appending what the session captures until {@link #close()}.
     */
    public static JournalWriter open(Path path, Session session) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return open(path, Files.newOutputStream(path, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), session);
    }

    /** As {@link #open(Path, Session)}, writing through {@code stream}, which must write to {@code path}. */
    static JournalWriter open(Path path, OutputStream stream, Session session) throws IOException {
        OutputStream file = new BufferedOutputStream(stream, 64 * 1024);
        ObjectMapper json = new ObjectMapper();
        // A byte generator writes UTF-8 itself: cheaper than chars through an encoding writer.
        JsonGenerator out = json.getFactory().createGenerator(file, JsonEncoding.UTF8);
        out.setRootValueSeparator(null); // each line ends with its own line break instead
        JournalWriter journal = new JournalWriter(path, session, out, new JournalFormat(json));
        try {
            journal.format.header(out, session.info());
            out.writeRaw('\n');
            out.flush();
        } catch (IOException e) {
            out.close();
            throw e;
        }
        journal.writer.start();
        session.addListenerWithHistory(journal);
        return journal;
    }

    /**
     * {@code wanted}, or when a file of that name exists, the first free of {@code NAME-2.jsonl},
     * {@code NAME-3.jsonl}, …: for names made from the clock, which two journals in one second share.
     */
    public static Path unusedName(Path wanted) {
        String name = wanted.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        Path candidate = wanted;
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = wanted.resolveSibling(stem + "-" + n + extension);
        }
        return candidate;
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    /** The first write error, or null while every line reached the file. */
    public IOException error() {
        return error;
    }

    @Override
    public void laneAdded(Lane lane) {
        enqueue(new Line() {
            @Override
            void write(JsonGenerator g) throws IOException {
                format.lane(g, lane);
            }
        });
    }

    @Override
    public void frameAppended(Lane lane, Frame frame) {
        enqueue(new Line() {
            @Override
            void write(JsonGenerator g) throws IOException {
                format.frame(g, lane, frame);
            }
        });
    }

    @Override
    public void laneEventAppended(Lane lane, LaneEvent event) {
        enqueue(new Line() {
            @Override
            void write(JsonGenerator g) throws IOException {
                format.event(g, lane, event);
            }
        });
    }

    private void enqueue(Line line) {
        if (line.queuedAt - nextLagCheck >= 0) {
            Line oldest = queue.peek();
            tooFarBehind = oldest != null && line.queuedAt - oldest.queuedAt > MAX_LAG_NANOS;
            nextLagCheck = line.queuedAt + LAG_CHECK_NANOS;
        }
        if (!closed && error == null) {
            queue.add(line);
        }
    }

    /**
     * When the oldest queued line is over {@value #MAX_LAG_MILLIS} ms old, writes the queue out on
     * this capturing thread, now that it holds no session lock (inside it, every other capturing
     * thread would wait for the write: in the ingest figure that stalled all fifty sockets for up
     * to 0.66 s). One thread takes it on, the others go on capturing. Waiting for the writer
     * instead could mean waiting for a thread of the lowest priority on a processor that something
     * else keeps busy.
     */
    @Override
    public void afterAppend() {
        if (!tooFarBehind || !catchingUp.compareAndSet(false, true)) {
            return;
        }
        try {
            writing.lock();
            try {
                tooFarBehind = false;
                if (!closed) {
                    writeQueued(Integer.MAX_VALUE);
                }
            } finally {
                writing.unlock();
            }
        } finally {
            catchingUp.set(false);
        }
    }

    /** Writes everything captured so far and flushes it to the file (on the calling thread). */
    public void flush() throws IOException {
        writing.lock();
        try {
            if (!closed) {
                writeQueued(Integer.MAX_VALUE);
                flushQuietly();
            }
        } finally {
            writing.unlock();
        }
        throwIfFailed();
    }

    /** Stops listening, writes what is queued, flushes, syncs and closes the file. */
    @Override
    public void close() throws IOException {
        if (closed) {
            throwIfFailed();
            return;
        }
        session.removeListener(this);
        writing.lock();
        try {
            writeQueued(Integer.MAX_VALUE);
            closed = true; // the writer ends when it next takes the lock
            try (out) {
                out.flush();
            }
        } finally {
            writing.unlock();
        }
        LockSupport.unpark(writer);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        throwIfFailed();
    }

    private void throwIfFailed() throws IOException {
        if (error != null) {
            throw new IOException("could not write the journal " + file + ": " + error.getMessage(), error);
        }
    }

    private void drain() {
        BackgroundPriority.lowerCurrentThread();
        long lastFlush = System.nanoTime();
        while (true) {
            boolean empty;
            writing.lock(); // a batch at a time: a thread that writes for itself gets the lock in between
            try {
                if (closed) {
                    return;
                }
                writeQueued(BATCH_LINES);
                empty = queue.isEmpty();
                boolean due = System.nanoTime() - lastFlush >= TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS);
                if (dirty && (empty || due)) {
                    flushQuietly();
                    lastFlush = System.nanoTime();
                }
            } finally {
                writing.unlock();
            }
            if (empty) {
                // Not waiting on the queue itself: every line added to an empty queue would then wake
                // this thread (a wake-up costs more than a line); lines gather meanwhile instead.
                LockSupport.parkNanos(GATHER_NANOS);
                Thread.interrupted(); // a pending interrupt would make every later park return at once
            }
        }
    }

    /** Writes up to {@code most} queued lines; the caller holds the writing lock. */
    private void writeQueued(int most) {
        Line line;
        for (int n = 0; n < most && (line = queue.poll()) != null; n++) {
            dirty |= write(line);
        }
    }

    private boolean write(Line line) {
        if (error != null) {
            return false;
        }
        try {
            line.write(out);
            out.writeRaw('\n');
            return true;
        } catch (IOException e) {
            error = e;
            return false;
        }
    }

    private void flushQuietly() {
        dirty = false;
        try {
            out.flush();
        } catch (IOException e) {
            error = e;
        }
    }

    /** One queued line: writes itself (without its line break) and knows when it was queued. */
    private abstract static class Line {
        /** The writer's lag is the age of the oldest line still queued. */
        final long queuedAt = System.nanoTime();

        abstract void write(JsonGenerator g) throws IOException;
    }
}
