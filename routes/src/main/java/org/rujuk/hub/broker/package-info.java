/**
 * The broker: the contract's topology derived from configuration, the embedded Artemis of the default setup, the
 * provisioning of an external broker, and the hub's JMS connection.
 */
package org.rujuk.hub.broker;
