-- What the hub refused and what it could not process, for the coordinators' view of rejections and dead letters:
-- counts and reasons per agency over time. Reasons are the hub's own sentences (never a message's content); the
-- broker message key makes a redelivered message count once.

create table rejection_log (
    message_key   varchar(64)              not null primary key,
    at            timestamp with time zone not null,
    agency        varchar(32)              not null, -- the account that sent the refused message
    rejected_type varchar(32),
    error_count   integer                  not null,
    first_pointer varchar(256)             not null,
    first_reason  varchar(500)             not null
);

create index rejection_log_at on rejection_log (at);

create table dead_letter_log (
    message_key      varchar(64)              not null primary key,
    at               timestamp with time zone not null,
    sender           varchar(64),
    original_address varchar(128),
    reason           varchar(500)             not null
);

create index dead_letter_log_at on dead_letter_log (at);
