package org.rujuk.connector.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A message the hub's broker now holds; the hub's answer arrives later, as a notice in the agency's inbox. */
@Schema(description = "Sent to the hub; its answer (receipt, rejection or status notice) is delivered later")
record Accepted(UUID referralId, String type, String next) {

    static Accepted referral(UUID referralId) {
        return new Accepted(referralId, "referral",
                "the hub answers with a receipt (or a rejection), delivered like every inbox message");
    }

    static Accepted status(UUID referralId) {
        return new Accepted(referralId, "status",
                "the other party gets a status notice; a refused update comes back as a rejection");
    }
}
