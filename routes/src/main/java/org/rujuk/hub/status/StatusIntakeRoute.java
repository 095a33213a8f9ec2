package org.rujuk.hub.status;

import org.apache.camel.builder.RouteBuilder;
import org.rujuk.hub.messaging.DeliveryAttempts;
import org.rujuk.hub.messaging.HubRouteConfiguration;
import org.rujuk.hub.messaging.IncomingMessageReader;
import org.rujuk.hub.messaging.NoticeSenderRoute;
import org.springframework.stereotype.Component;

/**
 * Consumes status updates transacted, lets {@link StatusIntake} apply them to the ledger's state machine, and
 * sends the resulting notices to the other party, or a rejection to the sender. Route id: {@code status-intake}.
 */
@Component
class StatusIntakeRoute extends RouteBuilder {

    private final IncomingMessageReader reader;
    private final DeliveryAttempts attempts;
    private final StatusIntake intake;

    StatusIntakeRoute(IncomingMessageReader reader, DeliveryAttempts attempts, StatusIntake intake) {
        this.reader = reader;
        this.attempts = attempts;
        this.intake = intake;
    }

    @Override
    public void configure() {
        from("jms:queue:{{rujuk.addresses.status-in}}?concurrentConsumers={{rujuk.delivery.consumers}}")
                .routeId("status-intake")
                .routeConfigurationId(HubRouteConfiguration.ID)
                .process(reader).id("read-status")
                .process(attempts).id("check-status-attempts")
                .bean(intake, "handle").id("decide-and-record-status")
                .to(NoticeSenderRoute.SEND_NOTICES).id("send-status-notices");
    }
}
