package org.rujuk.hub.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ExchangeProperty;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.MessageType;
import org.rujuk.contract.Referral;
import org.rujuk.contract.RejectionError;
import org.rujuk.hub.config.AgencyDirectory;
import org.rujuk.hub.ledger.HandoffLedger;
import org.rujuk.hub.messaging.HubTime;
import org.rujuk.hub.messaging.IncomingMessage;
import org.rujuk.hub.messaging.Notice;
import org.rujuk.hub.messaging.Notices;
import org.rujuk.hub.messaging.Rejections;
import org.rujuk.hub.messaging.SenderRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides what a message on the referral address leads to: a rejection listing every problem, or a ledger
 * record followed by the referral to its recipient and a receipt to its sender. A re-sent referral is absorbed;
 * a redelivered one re-produces the same notices, which the broker's duplicate detection absorbs if they were
 * already sent.
 */
@Component
public class ReferralIntake {

    private static final Logger log = LoggerFactory.getLogger(ReferralIntake.class);

    private final ContractValidator contract;
    private final AgencyDirectory agencies;
    private final HandoffLedger ledger;
    private final Notices notices;
    private final Rejections rejections;
    private final Clock clock;

    public ReferralIntake(ContractValidator contract, AgencyDirectory agencies, HandoffLedger ledger,
            Notices notices, Rejections rejections, Clock clock) {
        this.contract = contract;
        this.agencies = agencies;
        this.ledger = ledger;
        this.notices = notices;
        this.rejections = rejections;
        this.clock = clock;
    }

    public List<Notice> handle(@ExchangeProperty(IncomingMessage.PROPERTY) IncomingMessage incoming) {
        OffsetDateTime now = HubTime.now(clock);
        rejections.requireAnswerable(incoming);
        var inspection = contract.inspect(incoming.body(), MessageType.REFERRAL);
        var errors = new ArrayList<>(inspection.errors());
        Referral referral = null;
        if (errors.isEmpty()) {
            referral = contract.read(inspection.json(), Referral.class);
            errors.addAll(SenderRules.check(referral.from(), incoming.validatedUser()));
            errors.addAll(routingErrors(referral));
            errors.addAll(ageErrors(referral));
        }
        if (!errors.isEmpty()) {
            return List.of(rejections.reject(incoming, inspection.type(), inspection.referralId(), errors, now));
        }
        return switch (ledger.recordReferral(referral, incoming.messageKey(), now)) {
            case RECORDED, REDELIVERED -> {
                log.info("referral {} recorded: {} -> {}", referral.referralId(), referral.from(), referral.to());
                yield List.of(notices.forward(referral, incoming), notices.receipt(referral, now));
            }
            case DUPLICATE -> {
                log.info("referral {} re-sent by {}: already recorded, absorbed", referral.referralId(),
                        referral.from());
                yield List.of();
            }
            case CONFLICT -> List.of(rejections.reject(incoming, inspection.type(), referral.referralId(),
                    List.of(new RejectionError("/referralId", "is already the id of a different referral; "
                            + "give each new referral a new UUID")), now));
        };
    }

    private List<RejectionError> routingErrors(Referral referral) {
        if (!agencies.isAgency(referral.to())) {
            return List.of(new RejectionError("/to", "is not an agency known to the hub; known agencies: "
                    + String.join(", ", agencies.codes())));
        }
        if (referral.to().equals(referral.from())) {
            return List.of(new RejectionError("/to", "must differ from /from: an agency cannot refer to itself"));
        }
        return List.of();
    }

    private static List<RejectionError> ageErrors(Referral referral) {
        var birthDate = referral.child().birthDate();
        if (birthDate == null) {
            return List.of();
        }
        var sentOn = referral.sentAt().toLocalDate();
        if (birthDate.isAfter(sentOn)) {
            return List.of(new RejectionError("/child/birthDate", "must not be after sentAt"));
        }
        if (Period.between(birthDate, sentOn).getYears() >= 18) {
            return List.of(new RejectionError("/child/birthDate",
                    "makes the child 18 or older at sentAt; Rujuk carries referrals of children under 18"));
        }
        return List.of();
    }
}
