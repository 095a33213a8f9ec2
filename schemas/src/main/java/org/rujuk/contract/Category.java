package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of case, as coordinators count it (SIMFONI-PPA categories plus those Kota Metro reports).
 */
public enum Category {
    SEXUAL_VIOLENCE("sexual_violence"),
    PHYSICAL_VIOLENCE("physical_violence"),
    PSYCHOLOGICAL_VIOLENCE("psychological_violence"),
    NEGLECT("neglect"),
    EXPLOITATION("exploitation"),
    TRAFFICKING("trafficking"),
    THEFT("theft"),
    TRAFFIC_ACCIDENT("traffic_accident"),
    DRUGS("drugs"),
    ELECTRONIC_INFORMATION_OFFENCE("electronic_information_offence"),
    SHARP_WEAPON("sharp_weapon"),
    ADOPTION("adoption"),
    OTHER("other");

    private final String wire;

    Category(String wire) {
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
    public static Category fromWire(String wire) {
        for (Category candidate : values()) {
            if (candidate.wire.equals(wire)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("not a known Category value");
    }
}
