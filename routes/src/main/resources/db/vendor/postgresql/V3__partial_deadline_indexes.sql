-- PostgreSQL: index only what the watchdog and the stuck list look for. A mature ledger is mostly met clocks
-- (no next escalation, not stuck); partial indexes keep both lookups in proportion to what is late.
drop index handoff_clock_next_escalation;
create index handoff_clock_next_escalation on handoff_clock (next_escalation_at) where next_escalation_at is not null;
drop index handoff_clock_stuck;
create index handoff_clock_stuck on handoff_clock (stuck_since) where stuck_since is not null;
