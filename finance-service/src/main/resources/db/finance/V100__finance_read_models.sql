-- Finance read models. Each row holds what the projection's fold returned; they can be rebuilt from the events.
-- The financial table itself has no read model: it is folded from the budget lines' events on every request.
create table finance_claim (
    claim_id         varchar(255) not null primary key,
    veiligheidsregio varchar(255),
    status           varchar(255),
    state            jsonb
);
create index finance_claim_by_region on finance_claim (veiligheidsregio, status);

create table finance_business_case (
    business_case_id varchar(255) not null primary key,
    gemeente         varchar(255),
    status           varchar(255),
    state            jsonb
);

create table finance_advance (
    recipient varchar(255) not null primary key,
    state     jsonb
);

create table finance_budget_position (
    position_id varchar(255) not null primary key,
    state       jsonb
);
