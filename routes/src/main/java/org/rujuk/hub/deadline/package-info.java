/**
 * Deadlines: the operational deadlines per priority and the legal clocks (configuration, with their legal
 * sources), the clocks each hand-off runs against with their due times stored and indexed, and their history.
 * The clocks follow the ledger's moves in the same transaction.
 */
package org.rujuk.hub.deadline;
