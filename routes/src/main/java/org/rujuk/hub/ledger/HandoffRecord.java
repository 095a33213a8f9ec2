package org.rujuk.hub.ledger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rujuk.contract.HandoffState;

/**
 * One hand-off as the ledger keeps it: routing metadata and state only, never the child's identity.
 *
 * @param stateTimes when (hub time) the hand-off entered each state it has been in
 */
public record HandoffRecord(
        UUID referralId,
        String caseRef,
        String fromAgency,
        String toAgency,
        String priority,
        String childRole,
        String category,
        List<String> services,
        String district,
        int ageYears,
        Legal legal,
        HandoffState state,
        OffsetDateTime sentAt,
        Map<HandoffState, OffsetDateTime> stateTimes,
        OffsetDateTime stateChangedAt) {

    /** The legal stage of a child in conflict with the law, when the referral carried one. */
    public record Legal(String stage, OffsetDateTime stageStartedAt, boolean detained) {
    }

    public boolean isParty(String agency) {
        return fromAgency.equals(agency) || toAgency.equals(agency);
    }

    public String otherParty(String agency) {
        return fromAgency.equals(agency) ? toAgency : fromAgency;
    }
}
