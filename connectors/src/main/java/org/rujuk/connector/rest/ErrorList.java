package org.rujuk.connector.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.rujuk.contract.RejectionError;

/**
 * What is wrong with a request's body, in the shape of a {@code rejection}'s fields: the same error list, with the
 * same pointers and words, that the hub would send to the agency's inbox for the same message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The problems found, as a rejection from the hub would list them")
record ErrorList(
        @Schema(description = "the referralId, when it could be read") UUID referralId,
        @Schema(description = "the body's type, when it could be read") String rejectedType,
        @Schema(description = "one entry per problem: a JSON pointer (\"\" for the whole body) and what to do")
        List<RejectionError> errors) {
}
