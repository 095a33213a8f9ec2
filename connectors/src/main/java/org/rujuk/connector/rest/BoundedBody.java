package org.rujuk.connector.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.rujuk.contract.ContractValidator;

/**
 * Reads a request body, but never more than the contract's limit plus one byte: a body over the limit is refused
 * without being held in memory, whether it announces its length or not.
 */
final class BoundedBody {

    static final int LIMIT = ContractValidator.MAX_BODY_BYTES;

    private BoundedBody() {
    }

    static byte[] read(HttpServletRequest request) throws IOException, TooLarge {
        long announced = request.getContentLengthLong();
        if (announced > LIMIT) {
            throw new TooLarge(announced);
        }
        byte[] body = request.getInputStream().readNBytes(LIMIT + 1);
        if (body.length > LIMIT) {
            throw new TooLarge(-1);
        }
        return body;
    }

    /** The body is over the limit; {@code length} is its announced length, or -1 when it did not announce one. */
    static final class TooLarge extends Exception {
        private final long length;

        TooLarge(long length) {
            super(null, null, false, false);
            this.length = length;
        }

        String describe() {
            return length < 0
                    ? "body is over " + LIMIT + " bytes; the limit is " + LIMIT
                    : "body is " + length + " bytes; the limit is " + LIMIT;
        }
    }
}
