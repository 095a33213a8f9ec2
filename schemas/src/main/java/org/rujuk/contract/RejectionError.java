package org.rujuk.contract;

/**
 * One problem with a message: an RFC 6901 JSON pointer to the offending field ({@code ""} for the whole
 * body; for a missing field, where it belongs) and what to do about it, for a person. The message never
 * contains the value that was sent. The pointer is made of the field names the sender used, which for
 * an unknown field are the sender's own.
 */
public record RejectionError(String pointer, String message) {

    /** An error about the whole body rather than one field. */
    public static RejectionError ofBody(String message) {
        return new RejectionError("", message);
    }
}
