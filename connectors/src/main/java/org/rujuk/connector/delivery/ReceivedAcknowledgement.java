package org.rujuk.connector.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.rujuk.connector.config.ConnectorProperties;
import org.rujuk.connector.outbound.HubSenderRoute;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.HandoffState;
import org.rujuk.contract.MessageType;
import org.rujuk.contract.StatusUpdate;
import org.springframework.stereotype.Component;

/**
 * The {@code received} status the connector sends for the agency once its system has a referral — in the same JMS
 * transaction as the inbox message's acknowledgement, so there is a {@code received} exactly when the referral left
 * the inbox.
 *
 * <p>It carries no Artemis duplicate id, on purpose. The transaction already makes it one per delivered referral: a
 * rolled-back attempt's status was never sent. A duplicate id could only ever match one committed by an earlier,
 * separate delivery of the same referral — and inside a transaction Artemis answers a duplicate by failing the
 * commit, so that inbox message would roll back and come back for ever. Without it, such a second {@code received}
 * reaches the hub, which ignores a repeated status.
 */
@Component
class ReceivedAcknowledgement {

    private final ContractValidator contract;
    private final Clock clock;
    private final String agency;

    ReceivedAcknowledgement(ContractValidator contract, Clock clock, ConnectorProperties properties) {
        this.contract = contract;
        this.clock = clock;
        this.agency = properties.agency();
    }

    public boolean acknowledges(@ExchangeProperty(InboxMessage.PROPERTY) InboxMessage message) {
        return message.isReferral();
    }

    /** Replaces the exchange's message with the {@code received} status to send. */
    public void received(@ExchangeProperty(InboxMessage.PROPERTY) InboxMessage message, Exchange exchange) {
        var status = StatusUpdate.of(message.referralId(), agency, HandoffState.RECEIVED,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), null, null);
        String text = contract.write(status);
        var inspection = contract.inspect(text.getBytes(StandardCharsets.UTF_8), MessageType.STATUS);
        if (!inspection.valid()) {
            throw new IllegalStateException("the connector built a status the contract refuses: " + inspection.errors());
        }
        var out = exchange.getIn();
        // Nothing of the inbox message's headers (its duplicate id above all) may travel with the status.
        out.removeHeaders("*");
        // The referral's message group, as for everything the connector sends: in order with the agency's own updates.
        out.setHeader(HubSenderRoute.GROUP_ID, message.referralId().toString());
        out.setBody(text);
    }
}
