-- Housing read models. Each row holds what the projection's fold returned; they can be rebuilt from the events.
create table housing_municipality_period (
    id        varchar(255) not null primary key,
    period    varchar(255) not null,
    gemeente  varchar(255) not null,
    provincie varchar(255) not null,
    corrected integer      not null,
    housed    integer      not null,
    state     jsonb
);
create index housing_municipality_period_by_period on housing_municipality_period (period, provincie);

create table housing_period (
    period varchar(255) not null primary key,
    state  jsonb
);

create table housing_waiting (
    id    varchar(255) not null primary key,
    state jsonb
);

create table housing_flex_homes (
    id    varchar(255) not null primary key,
    state jsonb
);
