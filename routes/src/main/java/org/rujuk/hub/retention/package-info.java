/**
 * Retention: closed hand-offs older than {@code rujuk.retention.closed-handoffs} are reduced to anonymous
 * statistics and deleted, dead letters older than {@code rujuk.retention.dead-letters} purged from the broker and
 * their counts, each deletion appended to the audit chain by id only. Runs daily on a timer and on an
 * administrator's request; safe with several hubs (locked rows are skipped, the chain's lock serializes the rest).
 */
package org.rujuk.hub.retention;
