package org.rujuk.connector.outbound;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.builder.RouteBuilder;
import org.rujuk.connector.config.ConnectorRouteConfiguration;
import org.rujuk.contract.MessageType;
import org.springframework.stereotype.Component;

/**
 * Puts an {@link Outgoing} message on the hub's address for its type — {@code rujuk.referrals.in} or
 * {@code rujuk.status.in} — as a JMS text message, with its duplicate id when it has one. The send is durable when
 * the route returns. Each message is in the JMS group of its referral, so the hub applies one referral's updates in
 * the order they were sent. Used by REST in and by the file drop. Route id: {@code send-to-hub}.
 *
 * <p>These sends are not transacted (the component's default is, for the inbox consumer): Artemis drops a duplicate
 * sent outside a transaction silently, which is the point of the duplicate id, but fails the commit of a transaction
 * that holds one — a dropped file re-sent after a crash would then fail on every poll, for ever.
 */
@Component
public class HubSenderRoute extends RouteBuilder {

    public static final String SEND_TO_HUB = "direct:send-to-hub";
    /** Artemis's duplicate-detection property: the broker drops a second message with the same value. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /**
     * JMS message group: the broker gives all messages of one group to one of the hub's consumers, in order, so two
     * status updates for the same referral sent one after the other are applied in that order.
     */
    public static final String GROUP_ID = "JMSXGroupID";
    private static final String TYPE = "rujukOutgoingType";

    @Override
    public void configure() {
        from(SEND_TO_HUB)
                .routeId("send-to-hub")
                .routeConfigurationId(ConnectorRouteConfiguration.ID)
                .process(HubSenderRoute::toJmsMessage).id("prepare-message")
                .choice()
                    .when(exchangeProperty(TYPE).isEqualTo(MessageType.REFERRAL))
                        .to("jms:queue:{{rujuk.connector.addresses.referrals-in}}?transacted=false").id("send-referral")
                    .otherwise()
                        .to("jms:queue:{{rujuk.connector.addresses.status-in}}?transacted=false").id("send-status")
                .end();
    }

    private static void toJmsMessage(Exchange exchange) throws InvalidPayloadException {
        var outgoing = exchange.getIn().getMandatoryBody(Outgoing.class);
        var in = exchange.getIn();
        exchange.setProperty(TYPE, outgoing.type());
        if (exchange.getProperty(ConnectorRouteConfiguration.SUBJECT) == null) {
            exchange.setProperty(ConnectorRouteConfiguration.SUBJECT, outgoing.type().wireType() + " " + outgoing.referralId());
        }
        in.removeHeader(DUPLICATE_ID);
        if (outgoing.duplicateId() != null) {
            in.setHeader(DUPLICATE_ID, outgoing.duplicateId());
        }
        in.setHeader(GROUP_ID, outgoing.referralId().toString());
        in.setBody(outgoing.text());
    }
}
