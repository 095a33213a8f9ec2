package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** The legal basis on which the child's data is shared, and when the sending agency recorded it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Consent(ConsentBasis basis, OffsetDateTime recordedAt) {
}
