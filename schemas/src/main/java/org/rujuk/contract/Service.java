package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A service the sending agency asks the receiving agency to provide.
 */
public enum Service {
    EDUCATION("education"),
    HEALTH("health"),
    CIVIL_REGISTRATION("civil_registration"),
    PSYCHOSOCIAL_THERAPY("psychosocial_therapy"),
    CHILD_PSYCHOLOGIST("child_psychologist"),
    SOCIAL_ACCOMPANIMENT("social_accompaniment"),
    OUTREACH("outreach"),
    ASSESSMENT("assessment"),
    LEGAL_AID("legal_aid"),
    SHELTER("shelter"),
    REHABILITATION("rehabilitation"),
    REINTEGRATION("reintegration"),
    DIVERSION("diversion"),
    SOCIAL_RESEARCH_REPORT("social_research_report");

    private final String wire;

    Service(String wire) {
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
    public static Service fromWire(String wire) {
        for (Service candidate : values()) {
            if (candidate.wire.equals(wire)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("not a known Service value");
    }
}
