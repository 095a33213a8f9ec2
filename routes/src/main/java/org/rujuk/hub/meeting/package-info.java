/**
 * The coordination meeting: the decisions coordinators record about stuck hand-offs (each an action, the agency
 * responsible and a due date that runs as a clock of its own, {@code decision_<id>}, met when the clock it is about
 * is met), whether each was kept, and the meeting pack (agenda of what is stuck now, grouped by the agency that must
 * act, with the previous meeting's decisions) as PDF and CSV. Routing metadata only; a decision's action is free
 * text and is never logged.
 */
package org.rujuk.hub.meeting;
