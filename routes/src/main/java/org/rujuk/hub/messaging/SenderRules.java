package org.rujuk.hub.messaging;

import java.util.List;
import org.rujuk.contract.RejectionError;

/** The anti-spoofing rule every inbound message obeys: its {@code from} is the account that really sent it. */
public final class SenderRules {

    private SenderRules() {
    }

    public static List<RejectionError> check(String from, String validatedUser) {
        if (from.equals(validatedUser)) {
            return List.of();
        }
        return List.of(new RejectionError("/from", "must be your own agency code '" + validatedUser
                + "': the broker says your account sent this message"));
    }
}
