/**
 * What the agency sends to the hub, whichever way its system handed it in (REST or a dropped file): the local
 * contract check ({@link org.rujuk.connector.outbound.OutboundCheck}: the contract's schemas through its
 * validator, and {@code from} must be this connector's agency), and the one route that puts a checked message on
 * {@code rujuk.referrals.in} or {@code rujuk.status.in}.
 */
package org.rujuk.connector.outbound;
