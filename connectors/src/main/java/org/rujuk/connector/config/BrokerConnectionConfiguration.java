package org.rujuk.connector.config;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The connector's one JMS connection factory, logged in as the agency. The Camel {@code jms} component picks it up
 * (see {@code camel.component.jms} in connector.yml): the inbox consumer and the {@code received} status it sends
 * share one local JMS transaction, as in the hub.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConnectionConfiguration {

    @Bean
    ConnectionFactory jmsConnectionFactory(ConnectorProperties properties) {
        var artemis = new ActiveMQConnectionFactory(properties.brokerUrl(), properties.username(), properties.password());
        // A lost connection is given up at once: Spring's listener containers open a new one (every recovery
        // interval, for ever), a REST send while the broker is away fails at once (503) and a dropped file is simply
        // tried again on the next poll. With Artemis's own transparent reconnect underneath as well, the hub's
        // containers stayed stuck after a broker kill -9 (tests/faults); the connector is built the same way.
        artemis.setReconnectAttempts(0);
        artemis.setCallTimeout(10_000);
        var caching = new CachingConnectionFactory(artemis);
        caching.setSessionCacheSize(4);
        caching.setReconnectOnException(true);
        return caching;
    }
}
