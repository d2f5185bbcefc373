package org.crmgraph.importer.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding that hands over every character before a bad byte and fails only when
 * the reader reaches it, so the parser can say on which line the file stops being UTF-8 (the
 * JDK's InputStreamReader decodes ahead and fails before the preceding lines are read).
 */
final class Utf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private CoderResult pendingError;
    private boolean endOfInput;
    /** the decoder is flushed: every later read is the end of the file (a decoder must not decode after flush) */
    private boolean finished;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (pendingError != null) {
            throwPending();
        }
        if (finished) {
            return -1;
        }
        CharBuffer chars = CharBuffer.wrap(target, offset, length);
        while (chars.position() == offset) {
            if (!bytes.hasRemaining() || needsMoreBytes()) {
                refill();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                pendingError = result;
                break;
            }
            if (endOfInput && !bytes.hasRemaining()) {
                decoder.flush(chars);
                finished = true;
                break;
            }
        }
        int read = chars.position() - offset;
        if (read == 0) {
            if (pendingError != null) {
                throwPending();
            }
            return -1;
        }
        return read;
    }

    private boolean needsMoreBytes() {
        // a multi-byte sequence split across reads: keep its start and append more bytes
        return bytes.remaining() < 4 && !endOfInput;
    }

    private void refill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void throwPending() throws CharacterCodingException {
        CoderResult error = pendingError;
        pendingError = null;
        error.throwException();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
