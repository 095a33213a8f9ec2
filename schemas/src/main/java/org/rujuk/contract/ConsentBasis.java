package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The legal basis on which a child's data is shared (UU 27/2022 PDP art. 25).
 */
public enum ConsentBasis {
    GUARDIAN_CONSENT("guardian_consent"),
    CHILD_ASSENT("child_assent"),
    COURT_ORDER("court_order"),
    LEGAL_OBLIGATION("legal_obligation");

    private final String wire;

    ConsentBasis(String wire) {
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
    public static ConsentBasis fromWire(String wire) {
        for (ConsentBasis candidate : values()) {
            if (candidate.wire.equals(wire)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("not a known ConsentBasis value");
    }
}
