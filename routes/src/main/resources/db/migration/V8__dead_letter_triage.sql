-- Dead-letter triage: one row per message the hub could not process (keyed by the broker id of the message the
-- agency sent, which a replay keeps), with what an administrator did about it. `status` is 'dead' while it is on
-- rujuk.dead, 'replayed' once the hub re-sent it, 'discarded' once an administrator removed it (with the reason).
-- `replay_count` counts the hub's re-sends, bounded by rujuk.delivery.max-replays. Reasons are the hub's own
-- sentences or the administrator's; never a message's content. Added one column per statement: H2 and PostgreSQL.

alter table dead_letter_log add column referral_id uuid;
alter table dead_letter_log add column delivery_count integer;
alter table dead_letter_log add column replay_count integer default 0 not null;
alter table dead_letter_log add column status varchar(16) default 'dead' not null;
alter table dead_letter_log add column handled_at timestamp with time zone;
alter table dead_letter_log add column handled_by varchar(64);
alter table dead_letter_log add column discard_reason varchar(500);
