/**
 * The dead-letter path: what the hub could not process after its retries, or could not answer, is kept on the
 * dead-letter address with its reason, never dropped.
 */
package org.rujuk.hub.deadletter;
