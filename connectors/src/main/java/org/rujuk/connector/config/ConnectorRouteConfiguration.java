package org.rujuk.connector.config;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The error handling every connector route opts into. Business failures never reach it: a message that breaks the
 * contract is answered (400 to a REST caller, {@code failed/} for a dropped file). A technical failure (broker away,
 * agency system unreachable) is logged by ids and propagates: the REST caller gets a 5xx, a dropped file stays
 * where it is for the next poll, and an inbox message rolls back to the broker, which offers it again. Nothing is
 * ever dead-lettered or dropped here.
 */
@Component
public class ConnectorRouteConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "connector-error-handling";
    /** What an exchange is about, for logs: a referral id, a message's idempotency key, a file name. Never a body. */
    public static final String SUBJECT = "rujukSubject";

    private static final Logger log = LoggerFactory.getLogger(ConnectorRouteConfiguration.class);

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                    .handled(false)
                    // Camel's own exhausted-exchange log prints the message history; ours names ids only.
                    .logExhausted(false)
                    .process(ConnectorRouteConfiguration::logFailure)
                .end();
    }

    private static void logFailure(Exchange exchange) {
        Exception failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        log.warn("{} failed for {}: {}", exchange.getFromRouteId(), exchange.getProperty(SUBJECT, "?", String.class),
                Failures.describe(failure));
    }
}
