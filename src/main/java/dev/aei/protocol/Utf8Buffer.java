package dev.aei.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, growing run of UTF-8 bytes that texts are appended to. {@link #append} also says
 * exactly whether a text was ASCII (a fixture embeds such a frame's bytes as they are): an ASCII
 * text (nearly every frame) is encoded straight into the run by a reused encoder, which stops at
 * the first other character. Nothing is allocated per text: a copy per frame made young
 * collections a large part of decoding a big session. Not thread-safe: one per thread.
 */
public final class Utf8Buffer {
    private static final int INITIAL_CHARS = 4096;
    /** Longer texts are encoded by {@code String.getBytes}: their copy costs less than their scan. */
    private static final int MAX_ENCODED_CHARS = 1 << 16;

    private byte[] bytes;
    private ByteBuffer byteBuffer;
    private int size;
    private char[] chars = new char[INITIAL_CHARS];
    private CharBuffer charBuffer = CharBuffer.wrap(chars);
    /** Its vectorised loop stops at the first character that is not ASCII. */
    private final CharsetEncoder asciiEncoder = StandardCharsets.US_ASCII.newEncoder();

    /** A buffer with room for {@code capacity} bytes to begin with. */
    public Utf8Buffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
        byteBuffer = ByteBuffer.wrap(bytes);
    }

    /** The bytes so far, from 0 to {@link #size()}; the array changes when the run grows. */
    public byte[] bytes() {
        return bytes;
    }

    public int size() {
        return size;
    }

    /**
     * Empties the run, keeping its room up to {@code keep} bytes (and as many characters), so a rare
     * huge text does not stay on the heap with the thread.
     */
    public void clear(int keep) {
        size = 0;
        if (bytes.length > keep) {
            bytes = new byte[keep];
            byteBuffer = ByteBuffer.wrap(bytes);
        }
        if (chars.length > Math.max(keep, INITIAL_CHARS)) {
            chars = new char[INITIAL_CHARS];
            charBuffer = CharBuffer.wrap(chars);
        }
    }

    /**
     * Appends the text's UTF-8; true when it is known to be all ASCII (one byte per character).
     * Texts over 64 K characters are not scanned for that and read false.
     */
    public boolean append(String text) {
        int n = text.length();
        if (n <= MAX_ENCODED_CHARS) {
            ensure(size + n);
            chars(text);
            charBuffer.limit(n).position(0);
            byteBuffer.limit(size + n).position(size);
            if (!asciiEncoder.reset().encode(charBuffer, byteBuffer, true).isError() && !charBuffer.hasRemaining()) {
                size += n;
                return true;
            }
        }
        appendUtf8(text);
        return false; // maybe ASCII, but a lone surrogate also encodes as one byte
    }

    /** Appends the UTF-8 of a text that is not all ASCII, or too long to be scanned for it. */
    private void appendUtf8(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ensure(size + utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    /** Makes room for {@code more} bytes beyond the run's size, so appends up to that do not grow it. */
    public void reserve(int more) {
        ensure(size + more);
    }

    /** Appends one byte (a separator). */
    public void append(byte b) {
        ensure(size + 1);
        bytes[size++] = b;
    }

    /** The text's characters at the start of a reused array (valid until the next call). */
    public char[] chars(String text) {
        int n = text.length();
        if (n > chars.length) {
            chars = new char[Math.max(n, chars.length * 2)];
            charBuffer = CharBuffer.wrap(chars);
        }
        text.getChars(0, n, chars, 0);
        return chars;
    }

    private void ensure(int needed) {
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(bytes.length * 2L, needed)));
            byteBuffer = ByteBuffer.wrap(bytes);
        }
    }
}
