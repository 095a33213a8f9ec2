/** The hub's HTTP API: the ledger view of a referral, behind HTTP Basic with the broker's accounts. */
package org.rujuk.hub.api;
