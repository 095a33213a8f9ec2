package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How fast the receiving agency must react; drives the hand-off deadlines.
 */
public enum Priority {
    ROUTINE("routine"),
    URGENT("urgent"),
    EMERGENCY("emergency");

    private final String wire;

    Priority(String wire) {
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
    public static Priority fromWire(String wire) {
        for (Priority candidate : values()) {
            if (candidate.wire.equals(wire)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("not a known Priority value");
    }
}
