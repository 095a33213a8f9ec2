package org.rujuk.hub.status;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ExchangeProperty;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.MessageType;
import org.rujuk.contract.RejectionError;
import org.rujuk.contract.StatusUpdate;
import org.rujuk.hub.config.HubProperties;
import org.rujuk.hub.ledger.HandoffLedger;
import org.rujuk.hub.ledger.HandoffLedger.StatusResult;
import org.rujuk.hub.messaging.HubTime;
import org.rujuk.hub.messaging.IncomingMessage;
import org.rujuk.hub.messaging.Notice;
import org.rujuk.hub.messaging.Notices;
import org.rujuk.hub.messaging.Rejections;
import org.rujuk.hub.messaging.RetryLaterException;
import org.rujuk.hub.messaging.SenderRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides what a status update leads to: the states it moves the hand-off into (each announced to the other
 * party), nothing for a repeat, or a rejection for an invalid, third-party, backwards or final-state update.
 */
@Component
public class StatusIntake {

    private static final Logger log = LoggerFactory.getLogger(StatusIntake.class);

    private final ContractValidator contract;
    private final HandoffLedger ledger;
    private final Notices notices;
    private final Rejections rejections;
    private final Clock clock;
    private final int maxAttempts;

    public StatusIntake(ContractValidator contract, HandoffLedger ledger, Notices notices,
            Rejections rejections, Clock clock, HubProperties properties) {
        this.contract = contract;
        this.ledger = ledger;
        this.notices = notices;
        this.rejections = rejections;
        this.clock = clock;
        this.maxAttempts = properties.delivery().maxAttempts();
    }

    public List<Notice> handle(@ExchangeProperty(IncomingMessage.PROPERTY) IncomingMessage incoming) {
        OffsetDateTime now = HubTime.now(clock);
        rejections.requireAnswerable(incoming);
        var inspection = contract.inspect(incoming.body(), MessageType.STATUS);
        var errors = new ArrayList<RejectionError>(inspection.errors());
        StatusUpdate update = null;
        if (errors.isEmpty()) {
            update = contract.read(inspection.json(), StatusUpdate.class);
            errors.addAll(SenderRules.check(update.from(), incoming.validatedUser()));
        }
        if (errors.isEmpty()) {
            StatusResult result = ledger.applyStatus(update, incoming.messageKey(), now);
            if (result instanceof StatusResult.Applied applied) {
                String other = applied.handoff().otherParty(update.from());
                log.info("referral {} is now {} (reported by {})", update.referralId(), update.status().wire(),
                        update.from());
                final StatusUpdate reported = update;
                return applied.entered().stream().map(event -> notices.statusChange(reported, other, event)).toList();
            }
            if (result instanceof StatusResult.Repeated) {
                log.info("referral {}: repeated {} from {} absorbed", update.referralId(), update.status().wire(),
                        update.from());
                return List.of();
            }
            if (result instanceof StatusResult.Unknown) {
                // Referrals and status updates travel on two queues: a withdrawal sent right after its referral
                // can overtake it. Wait for the referral (the broker redelivers with back-off) before refusing.
                if (incoming.deliveryCount() < maxAttempts) {
                    throw new RetryLaterException("referral " + update.referralId()
                            + " is not recorded yet; the status update waits for it");
                }
                errors.add(new RejectionError("/referralId", HandoffLedger.NOT_A_PARTY));
            } else {
                var refused = (StatusResult.Refused) result;
                errors.add(new RejectionError(refused.pointer(), refused.message()));
            }
        }
        return List.of(rejections.reject(incoming, inspection.type(), inspection.referralId(), errors, now));
    }
}
