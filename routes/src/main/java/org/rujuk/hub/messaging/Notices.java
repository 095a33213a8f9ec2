package org.rujuk.hub.messaging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.Receipt;
import org.rujuk.contract.Referral;
import org.rujuk.contract.Rejection;
import org.rujuk.contract.RejectionError;
import org.rujuk.contract.StatusNotice;
import org.rujuk.contract.StatusUpdate;
import org.rujuk.hub.config.AgencyDirectory;
import org.rujuk.hub.ledger.HandoffEvent;
import org.springframework.stereotype.Component;

/**
 * Builds every message the hub sends, each with its stable duplicate id. The ids are derived from what the
 * message is about (a referral and a state, or the refused broker message), never from when it is sent, so a
 * re-send after a crash carries the same id and the broker absorbs it.
 */
@Component
public class Notices {

    private final ContractValidator contract;
    private final AgencyDirectory agencies;

    public Notices(ContractValidator contract, AgencyDirectory agencies) {
        this.contract = contract;
        this.agencies = agencies;
    }

    /** The referral, exactly as its sender wrote it, to the recipient's inbox. */
    public Notice forward(Referral referral, IncomingMessage incoming) {
        return new Notice(Notice.queue(agencies.inboxOf(referral.to())), "referral", referral.referralId(),
                "referral:" + referral.referralId(), new String(incoming.body(), StandardCharsets.UTF_8));
    }

    public Notice receipt(Referral referral, OffsetDateTime receivedAt) {
        var receipt = Receipt.of(referral.referralId(), referral.caseRef(), referral.to(), receivedAt);
        return new Notice(Notice.queue(agencies.inboxOf(referral.from())), "receipt", referral.referralId(),
                "receipt:" + referral.referralId(), contract.write(receipt));
    }

    /** The status change, to the party that did not report it. */
    public Notice statusChange(StatusUpdate update, String notifiedAgency, HandoffEvent event) {
        var notice = StatusNotice.of(update.referralId(), update.from(), notifiedAgency, event.state(),
                event.previousState(), event.implied(), update.at(), event.recordedAt(), event.reason(),
                event.implied() ? null : update.note());
        return new Notice(Notice.queue(agencies.inboxOf(notifiedAgency)), "status", update.referralId(),
                "status:" + update.referralId() + ":" + event.state().wire(), contract.write(notice));
    }

    /** A rejection to the agency that really sent the refused message (the broker's validated user). */
    public Notice rejection(IncomingMessage incoming, String rejectedType, UUID referralId,
            List<RejectionError> errors, OffsetDateTime rejectedAt) {
        var rejection = Rejection.of(incoming.messageKey(), referralId, rejectedType, errors,
                rejectedAt);
        return new Notice(Notice.queue(agencies.inboxOf(incoming.validatedUser())), "rejection", referralId,
                "rejection:" + incoming.messageKey(), contract.write(rejection));
    }
}
