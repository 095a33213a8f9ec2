package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The child's sex.
 */
public enum Sex {
    FEMALE("female"),
    MALE("male");

    private final String wire;

    Sex(String wire) {
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
    public static Sex fromWire(String wire) {
        for (Sex candidate : values()) {
            if (candidate.wire.equals(wire)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("not a known Sex value");
    }
}
