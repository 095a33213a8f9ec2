package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The child's role in the case: the three kinds of "anak berhadapan dengan hukum" (UU 11/2012 SPPA art. 1).
 */
public enum ChildRole {
    VICTIM("victim"),
    WITNESS("witness"),
    IN_CONFLICT_WITH_LAW("in_conflict_with_law");

    private final String wire;

    ChildRole(String wire) {
        this.wire = wire;
    }

    /** The value as it appears in a message. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * The constant for a value as it appears in a message.
     *
     * @throws IllegalArgumentException if the value is not one of this enum's (the message names no value:
     *     it may come from an untrusted body)
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ChildRole fromWire(String wire) {
        for (ChildRole candidate : values()) {
            if (candidate.wire.equals(wire)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("not a known ChildRole value");
    }
}
