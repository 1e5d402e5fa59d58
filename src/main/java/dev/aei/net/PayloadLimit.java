package dev.aei.net;

import dev.aei.capture.Opcode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps a received payload within the frame size limit. A text payload cut at the limit stays
 * text when its prefix decodes (an incomplete last character is dropped), else it is kept as bytes.
 *
 * @param maxBytes the largest payload kept
 */
record PayloadLimit(int maxBytes) {

    /** A payload as it will be stored: text or bytes, see {@link dev.aei.capture.Frame}. */
    record Payload(String text, byte[] bytes) {
    }

    /** The payload to store for what arrived; {@code truncated} says it was already cut upstream. */
    Payload fit(Opcode opcode, String text, byte[] bytes, boolean truncated) {
        if (text != null) {
            // UTF-8 needs at most 3 bytes per Java char, so short strings need no encoding to check.
            if ((long) text.length() * 3 <= maxBytes) {
                return new Payload(text, null);
            }
            byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
            if (encoded.length <= maxBytes) {
                return new Payload(text, null);
            }
            return cutText(Arrays.copyOf(encoded, maxBytes));
        }
        byte[] kept = bytes.length > maxBytes ? Arrays.copyOf(bytes, maxBytes) : bytes;
        if (opcode == Opcode.TEXT && (truncated || kept != bytes)) {
            return cutText(kept);
        }
        return new Payload(null, kept);
    }

    private static Payload cutText(byte[] prefix) {
        String decoded = decodePrefix(prefix);
        return decoded == null ? new Payload(null, prefix) : new Payload(decoded, null);
    }

    /** Decodes bytes cut at an arbitrary point, or null if they are not UTF-8 apart from the cut. */
    static String decodePrefix(byte[] bytes) {
        for (int drop = 0; drop <= Math.min(3, bytes.length); drop++) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, bytes.length - drop))
                        .toString();
            } catch (CharacterCodingException e) {
                // try again without the possibly incomplete last character
            }
        }
        return null;
    }
}
