package org.rujuk.connector.delivery;

import org.apache.camel.builder.RouteBuilder;
import org.rujuk.connector.config.ConnectorProperties;
import org.rujuk.connector.config.ConnectorRouteConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Consumes the agency's inbox in a local JMS transaction, one message at a time, hands each to the agency system
 * ({@link AgencySystemDelivery}: folder and/or webhook) and, for a referral, sends the {@code received} status in the
 * same transaction; the inbox message is acknowledged only when all of that worked. A failure rolls it all back and
 * the broker offers the message again with its back-off, for ever (inboxes have no delivery limit and no dead
 * letter). Route id: {@code inbox-delivery}. No route when neither webhook-url nor inbox-dir is configured.
 */
@Component
class InboxDeliveryRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(InboxDeliveryRoute.class);

    private final ConnectorProperties properties;
    private final InboxMessageReader reader;
    private final AgencySystemDelivery agencySystem;
    private final ReceivedAcknowledgement acknowledgement;
    private final DeliveryMonitor monitor;

    InboxDeliveryRoute(ConnectorProperties properties, InboxMessageReader reader, AgencySystemDelivery agencySystem,
            ReceivedAcknowledgement acknowledgement, DeliveryMonitor monitor) {
        this.properties = properties;
        this.reader = reader;
        this.agencySystem = agencySystem;
        this.acknowledgement = acknowledgement;
        this.monitor = monitor;
    }

    @Override
    public void configure() {
        if (!properties.delivers()) {
            log.warn("neither rujuk.connector.webhook-url nor inbox-dir is set: {} is not consumed by this connector",
                    properties.addresses().inbox());
            return;
        }
        // One consumer: the agency system gets messages in the order the hub sent them (a message being retried
        // waits in the broker, and the ones behind it go on). The hub sets no reply-to; never answer one anyway.
        // The route configuration logs failures by id, so the listener container's own log stays quiet.
        from("jms:queue:{{rujuk.connector.addresses.inbox}}?concurrentConsumers=1&disableReplyTo=true"
                + "&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false")
                .routeId("inbox-delivery")
                .routeConfigurationId(ConnectorRouteConfiguration.ID)
                .onCompletion().onFailureOnly()
                    .bean(monitor, "deliveryFailed")
                .end()
                .process(reader).id("read-inbox-message")
                .bean(agencySystem, "deliver").id("deliver-to-agency-system")
                .filter(method(acknowledgement, "acknowledges"))
                    .bean(acknowledgement, "received").id("write-received-status")
                    .to("jms:queue:{{rujuk.connector.addresses.status-in}}").id("send-received-status")
                .end()
                .bean(monitor, "delivered").id("record-delivery")
                .log("delivered ${exchangeProperty." + InboxMessage.PROPERTY + "}");
    }
}
