package org.rujuk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;

/**
 * What {@link ContractValidator#inspect} made of a raw body.
 *
 * @param json the parsed body, or null when it could not be parsed into one JSON object; parsed once so
 *     that callers need not parse again — treat it as read-only
 * @param type the body's {@code type} as read, when it is a string of 1 to 32 characters without control
 *     characters (so it fits a rejection's {@code rejectedType}); otherwise null
 * @param referralId the body's {@code referralId} when it is a valid UUID, even if the rest of the body is
 *     invalid, so that a rejection can name it; otherwise null
 * @param errors what is wrong, one entry per problem, at most {@link ContractValidator#MAX_ERRORS}; empty
 *     when the body conforms
 */
public record Inspection(JsonNode json, String type, UUID referralId, List<RejectionError> errors) {

    public Inspection {
        errors = List.copyOf(errors);
    }

    /** True when the body is one JSON object of the expected type that conforms to its schema. */
    public boolean valid() {
        return errors.isEmpty();
    }

    /** Ids and counts only: the body may hold a child's data. */
    @Override
    public String toString() {
        return "Inspection[type=" + type + ", referralId=" + referralId + ", errors=" + errors.size() + "]";
    }
}
