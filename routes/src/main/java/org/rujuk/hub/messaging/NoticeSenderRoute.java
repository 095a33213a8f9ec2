package org.rujuk.hub.messaging;

import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends the notices the hub produced, one JMS text message each. Every message the hub sends carries
 * {@code rujukType}, {@code referralId}, the JMS correlation id (the referral id) and a stable Artemis duplicate
 * id. Two entries:
 * <ul>
 * <li>{@code direct:send-notices} (route id {@code send-notices}): inside the transaction of a consumed message,
 * so the notices commit with it or not at all;</li>
 * <li>{@code direct:send-notices-now} (route id {@code send-notices-now}): outside any consumer, for the watchdog;
 * each send commits on its own before the caller records that it was sent, and a re-send the broker recognises
 * by its duplicate id counts as sent.</li>
 * </ul>
 */
@Component
public class NoticeSenderRoute extends RouteBuilder {

    public static final String SEND_NOTICES = "direct:send-notices";
    public static final String SEND_NOTICES_NOW = "direct:send-notices-now";
    static final String DUPLICATE_ID_HEADER = "_AMQ_DUPL_ID";

    @Override
    public void configure() {
        from(SEND_NOTICES)
                .routeId("send-notices")
                .routeConfigurationId(HubRouteConfiguration.ID)
                .split(body())
                    .process(NoticeSenderRoute::prepare)
                    .toD("jms:${exchangeProperty.rujukDestination}")
                    .log(LoggingLevel.DEBUG, "sent ${header.rujukType} for ${header.referralId} to "
                            + "${exchangeProperty.rujukDestination}")
                .end();

        from(SEND_NOTICES_NOW)
                .routeId("send-notices-now")
                .routeConfigurationId(HubRouteConfiguration.ID)
                .split(body())
                    .process(NoticeSenderRoute::prepare)
                    .doTry()
                        .toD("jms:${exchangeProperty.rujukDestination}?transacted=false")
                    .doCatch(Exception.class)
                        .onWhen(exchange -> isDuplicate(exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                                Throwable.class)))
                        .log(LoggingLevel.DEBUG, "${header.rujukType} for ${header.referralId} was already sent")
                    .end()
                .end();
    }

    /** Turns a {@link Notice} body into the JMS message: nothing of the consumed message's headers leaks out. */
    private static void prepare(Exchange exchange) {
        Notice notice = exchange.getIn().getBody(Notice.class);
        var in = exchange.getIn();
        in.removeHeaders("*");
        in.setHeader("rujukType", notice.type());
        in.setHeader(DUPLICATE_ID_HEADER, notice.duplicateId());
        if (notice.referralId() != null) {
            in.setHeader("referralId", notice.referralId().toString());
            in.setHeader("JMSCorrelationID", notice.referralId().toString());
        }
        exchange.setProperty("rujukDestination", notice.destination());
        in.setBody(notice.body());
    }

    private static boolean isDuplicate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ActiveMQDuplicateIdException) {
                return true;
            }
        }
        return false;
    }
}
