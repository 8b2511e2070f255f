-- Capacity read models. Each row holds what the projection's fold returned; they can be rebuilt from the events.
create table capacity_location (
    location_id      varchar(255) not null primary key,
    kind             varchar(255) check (kind in ('CNO', 'COA')),
    veiligheidsregio varchar(255),
    status           varchar(255) check (status in ('OPEN', 'CLOSED', 'HANDED_OVER')),
    places_total     integer,
    occupied_total   integer,
    state            jsonb
);
create index capacity_location_by_kind_status on capacity_location (kind, status, veiligheidsregio);

create table cno_pledge (
    veiligheidsregio varchar(255) not null primary key,
    tranche1         integer      not null,
    tranche2         integer      not null,
    pledged          integer
);
