/**
 * The hand-off ledger: one row per referral with routing metadata and state (never the child's identity), an
 * append-only history of the states it entered, and the contract's state machine. Writes are idempotent and
 * keyed by the broker message that caused them, so a redelivered message re-produces its effects exactly once.
 */
package org.rujuk.hub.ledger;
