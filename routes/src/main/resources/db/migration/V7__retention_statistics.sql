-- Retention: closed hand-offs older than rujuk.retention.closed-handoffs are reduced to these anonymous counts and
-- then deleted (ledger row, history, clocks and meeting decisions). No ids, no case references; the district is the
-- ledger's own (kecamatan), months are UTC. The dashboard's statistics add these counts to the live ledger's.

create table handoff_statistics (
    submitted_month date        not null, -- first day of the month the hub recorded the referral
    closed_month    date        not null, -- first day of the month it reached its final state
    from_agency     varchar(32) not null,
    to_agency       varchar(32) not null,
    category        varchar(48) not null,
    child_role      varchar(32) not null,
    priority        varchar(16) not null,
    district        varchar(64) not null,
    final_state     varchar(16) not null, -- completed, declined or withdrawn
    handoffs        bigint      not null,
    total_open_ms   bigint      not null, -- summed over them: submitted to final state; mean = total / handoffs
    primary key (submitted_month, closed_month, from_agency, to_agency, category, child_role, priority, district,
        final_state)
);

-- Retention looks for closed hand-offs by when they closed.
create index handoff_state_changed on handoff (state, state_changed_at);
