package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a child in conflict with the law stands in the criminal process; the legal clocks run from the stage's start.
 */
public enum LegalStage {
    INVESTIGATION("investigation"),
    PROSECUTION("prosecution"),
    TRIAL("trial"),
    POST_TRIAL("post_trial");

    private final String wire;

    LegalStage(String wire) {
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
    public static LegalStage fromWire(String wire) {
        for (LegalStage candidate : values()) {
            if (candidate.wire.equals(wire)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("not a known LegalStage value");
    }
}
