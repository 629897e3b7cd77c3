-- Lịch công bố hằng năm: extra days off (Monday–Friday) and Saturdays/Sundays made working, per year.
-- Statutory days and their compensation are computed, never stored.
create table calendar_declared_day (
  day    date primary key,
  year   int not null check (year between 1900 and 2199 and year = extract(year from day)),
  kind   text not null check (kind in ('DAY_OFF', 'WORKING')),
  reason text check (length(reason) <= 300),
  check ((kind = 'DAY_OFF') = (reason is not null))
);
create index calendar_declared_day_year_idx on calendar_declared_day (year);

-- Bumped on every change, so every instance rebuilds its working-time table.
create table calendar_revision (
  id       int primary key check (id = 1),
  revision bigint not null
);
insert into calendar_revision (id, revision) values (1, 0);
