package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The state of a hand-off. {@code submitted} is the state the hub gives a referral it routed; agencies
 * report the others in a {@code status} update ({@code submitted} is not theirs to report). Happy path:
 * submitted, received, accepted, in_progress, completed; {@code declined} ends it after received,
 * {@code withdrawn} at any point before completed or declined. Which moves are allowed is the hub's rule,
 * not this enum's declaration order.
 */
public enum HandoffState {
    SUBMITTED("submitted"),
    RECEIVED("received"),
    ACCEPTED("accepted"),
    DECLINED("declined"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    WITHDRAWN("withdrawn");

    private final String wire;

    HandoffState(String wire) {
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
    public static HandoffState fromWire(String wire) {
        for (HandoffState candidate : values()) {
            if (candidate.wire.equals(wire)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("not a known HandoffState value");
    }
}
