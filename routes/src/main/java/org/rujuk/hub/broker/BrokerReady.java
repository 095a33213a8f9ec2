package org.rujuk.hub.broker;

/**
 * Exists once the broker the hub talks to has the contract's topology: the embedded broker has started, or an
 * external broker has been provisioned. The JMS connection factory depends on it, so no route starts earlier.
 */
public interface BrokerReady {
}
