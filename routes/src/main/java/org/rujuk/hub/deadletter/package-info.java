/**
 * The dead-letter path: what the hub could not process after its retries, or could not answer, is kept on the
 * dead-letter address with its reason, never dropped; and its triage: coordinators list the dead letters (never a
 * body), administrators read a body (audited), have the hub replay one for its original sender (bounded by
 * {@code rujuk.delivery.max-replays}) or discard it with a reason, each step in the audit chain.
 */
package org.rujuk.hub.deadletter;
