-- The audit chain: every hand-off event, rejection, escalation, retention deletion and every coordinator's or
-- administrator's look at or export of a referral, as one hash-linked line. Each entry's hash is SHA-256 over a
-- canonical encoding of its fields and the previous entry's hash (see org.rujuk.hub.audit.AuditHash and the README),
-- so changing, removing or reordering an entry breaks the line from there on. Details name ids, states and pointers
-- only, never the child.

create table audit_log (
    seq         bigint                   not null primary key, -- 1, 2, 3, ... without gaps (given by the head)
    at          timestamp with time zone not null,             -- the hub's clock, milliseconds
    actor       varchar(64)              not null,             -- an account, an agency code, or 'hub'
    action      varchar(48)              not null,
    referral_id uuid,
    detail      varchar(500)             not null,
    prev_hash   char(64)                 not null,             -- hex; 64 zeros before the first entry
    hash        char(64)                 not null              -- hex SHA-256
);

create index audit_log_referral on audit_log (referral_id, seq);
create index audit_log_actor_at on audit_log (actor, at);

-- One row: the last entry's sequence and hash. Appenders lock it (select ... for update) for the rest of their
-- transaction, so hub instances sharing the database append one after another and the chain stays one line.
create table audit_chain_head (
    id   smallint    not null primary key,
    seq  bigint      not null,
    hash char(64)    not null,
    constraint audit_chain_head_one_row check (id = 1)
);

insert into audit_chain_head (id, seq, hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
