package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Where a child in conflict with the law stands in the criminal process; required on a referral whose
 * {@code childRole} is {@code in_conflict_with_law}. The legal clocks of UU SPPA run from
 * {@code stageStartedAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Legal(LegalStage stage, OffsetDateTime stageStartedAt, boolean detained) {
}
