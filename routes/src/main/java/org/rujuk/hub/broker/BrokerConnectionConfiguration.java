package org.rujuk.hub.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.rujuk.hub.config.HubAccounts;
import org.rujuk.hub.config.HubProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The hub's one JMS connection factory. The Camel {@code jms} component picks it up (see
 * {@code camel.component.jms} in application.yml); consuming and sending share it, so a route's sends join the
 * local JMS transaction of the message it consumed: they commit together or not at all.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConnectionConfiguration {

    @Bean
    ConnectionFactory jmsConnectionFactory(HubProperties properties, HubAccounts accounts, BrokerReady brokerReady) {
        var hub = accounts.hub();
        var artemis = new ActiveMQConnectionFactory(properties.broker().url(), hub.username(), hub.password());
        // A lost connection is given up at once: Spring's listener containers then open a new one (every
        // recovery interval, for ever) and the rolled-back messages are redelivered. With Artemis's own transparent
        // reconnect underneath them as well, the containers stayed stuck after a broker kill -9 (tests/faults).
        artemis.setReconnectAttempts(0);
        var caching = new CachingConnectionFactory(artemis);
        caching.setSessionCacheSize(properties.delivery().consumers() * 2 + 4);
        caching.setReconnectOnException(true);
        return caching;
    }
}
