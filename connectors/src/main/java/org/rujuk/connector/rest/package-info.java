/**
 * REST in: {@code POST /referrals}, {@code POST /referrals/{id}/status} and {@code GET /referrals/{id}} for the
 * agency's system, behind HTTP Basic, described at {@code /v3/api-docs} and browsable at {@code /swagger-ui.html}.
 * A body is read with a hard 256 KiB limit (413), checked against the contract with the hub's own error list (400),
 * and sent to the hub's address (202). A 202 means the broker holds the message durably; the hub's answer comes back
 * through delivery. The ledger view is the hub's, asked for with the agency's own account.
 */
package org.rujuk.connector.rest;
