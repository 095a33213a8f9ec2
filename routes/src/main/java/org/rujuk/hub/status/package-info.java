/**
 * Status intake: acknowledgements on {@code rujuk.status.in} move a hand-off through the contract's states;
 * each state entered is announced to the other party, and anything the state machine refuses is answered with
 * a rejection.
 */
package org.rujuk.hub.status;
