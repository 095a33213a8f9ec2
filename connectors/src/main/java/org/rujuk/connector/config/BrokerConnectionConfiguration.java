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
        // Ride out broker restarts: reconnect for ever, with back-off...
        artemis.setReconnectAttempts(-1);
        artemis.setRetryInterval(500);
        artemis.setRetryIntervalMultiplier(2.0);
        artemis.setMaxRetryInterval(10_000);
        // ...but a send while the broker is away fails after a few seconds instead of blocking, so a REST caller
        // gets a 503 and a dropped file is simply tried again on the next poll. (The defaults, wait for ever and
        // 30 s, also make a connector stopped while the broker is down hang for minutes closing its sessions.)
        artemis.setCallFailoverTimeout(5_000);
        artemis.setCallTimeout(10_000);
        var caching = new CachingConnectionFactory(artemis);
        caching.setSessionCacheSize(4);
        caching.setReconnectOnException(true);
        return caching;
    }
}
