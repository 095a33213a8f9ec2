/**
 * Referral intake: every message on {@code rujuk.referrals.in} is validated against the contract and the hub's
 * rules, recorded in the ledger, routed to its recipient's inbox and answered with a receipt, or answered with a
 * rejection that lists what to fix.
 */
package org.rujuk.hub.intake;
