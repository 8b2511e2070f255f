-- Status holders who left reception for a municipality, per half year (from housing-service's events).
create table reception_outflow (
    period  varchar(255) not null primary key,
    persons bigint       not null
);
