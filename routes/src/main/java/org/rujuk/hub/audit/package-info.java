/**
 * The audit chain: an append-only, hash-linked log of every hand-off event, rejection, escalation, retention
 * deletion and every coordinator's or administrator's look at or export of a referral. Entries are appended in the
 * transaction of the change they record, one after another across hub instances (the chain head row is locked),
 * and can be verified by an administrator (API, or {@code java -jar ... verify-audit}) and, per referral, by a third
 * party from the evidence export. Ids, states and pointers only: never the child.
 */
package org.rujuk.hub.audit;
