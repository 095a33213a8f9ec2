package org.rujuk.hub.messaging;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends the notices a route produced, one JMS text message each, inside the transaction of the message that
 * caused them. Every message the hub sends carries {@code rujukType}, {@code referralId}, the JMS correlation id
 * (the referral id) and a stable Artemis duplicate id. Route id: {@code send-notices}.
 */
@Component
public class NoticeSenderRoute extends RouteBuilder {

    public static final String SEND_NOTICES = "direct:send-notices";
    static final String DUPLICATE_ID_HEADER = "_AMQ_DUPL_ID";

    @Override
    public void configure() {
        from(SEND_NOTICES)
                .routeId("send-notices")
                .routeConfigurationId(HubRouteConfiguration.ID)
                .split(body())
                    // Nothing of the consumed message's headers may leak into what the hub sends.
                    .removeHeaders("*")
                    .process(exchange -> {
                        Notice notice = exchange.getIn().getBody(Notice.class);
                        var in = exchange.getIn();
                        in.setHeader("rujukType", notice.type());
                        in.setHeader(DUPLICATE_ID_HEADER, notice.duplicateId());
                        if (notice.referralId() != null) {
                            in.setHeader("referralId", notice.referralId().toString());
                            in.setHeader("JMSCorrelationID", notice.referralId().toString());
                        }
                        exchange.setProperty("rujukDestination", notice.destination());
                        in.setBody(notice.body());
                    })
                    .toD("jms:queue:${exchangeProperty.rujukDestination}")
                    .log(LoggingLevel.DEBUG, "sent ${header.rujukType} for ${header.referralId} to ${exchangeProperty.rujukDestination}")
                .end();
    }
}
