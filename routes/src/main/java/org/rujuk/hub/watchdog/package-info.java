/**
 * The watchdog: finds hand-offs past a deadline, marks them stuck and announces each escalation exactly once, on
 * the coordinators' address and to the agencies, even with several hub instances side by side.
 */
package org.rujuk.hub.watchdog;
