/**
 * What every route shares: reading a consumed message and the broker's facts about it, building and sending the
 * hub's notices with stable duplicate ids, the sender rule, and the one error-handling configuration.
 */
package org.rujuk.hub.messaging;
