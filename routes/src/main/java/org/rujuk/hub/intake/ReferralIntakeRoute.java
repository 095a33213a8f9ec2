package org.rujuk.hub.intake;

import org.apache.camel.builder.RouteBuilder;
import org.rujuk.hub.messaging.DeliveryAttempts;
import org.rujuk.hub.messaging.HubRouteConfiguration;
import org.rujuk.hub.messaging.IncomingMessageReader;
import org.rujuk.hub.messaging.NoticeSenderRoute;
import org.springframework.stereotype.Component;

/**
 * Consumes new referrals transacted, lets {@link ReferralIntake} validate and record them, and sends what it
 * decided: the referral to its recipient and a receipt to its sender, or a rejection. Route id:
 * {@code referral-intake}.
 */
@Component
class ReferralIntakeRoute extends RouteBuilder {

    private final IncomingMessageReader reader;
    private final DeliveryAttempts attempts;
    private final ReferralIntake intake;

    ReferralIntakeRoute(IncomingMessageReader reader, DeliveryAttempts attempts, ReferralIntake intake) {
        this.reader = reader;
        this.attempts = attempts;
        this.intake = intake;
    }

    @Override
    public void configure() {
        from("jms:queue:{{rujuk.addresses.referrals-in}}?concurrentConsumers={{rujuk.delivery.consumers}}")
                .routeId("referral-intake")
                .routeConfigurationId(HubRouteConfiguration.ID)
                .process(reader).id("read-referral")
                .process(attempts).id("check-referral-attempts")
                .bean(intake, "handle").id("decide-and-record-referral")
                .to(NoticeSenderRoute.SEND_NOTICES).id("send-referral-notices");
    }
}
