-- Cơ quan, đơn vị: the agency tree. Units merged away (Bạc Liêu, the abolished districts) keep their rows
-- with valid_to set, so old dossiers still name the unit that handled them.
create table agency (
  code        text primary key check (code ~ '^[A-Z0-9_.-]{1,40}$'),
  name        text not null check (length(name) between 1 and 300),
  parent_code text references agency (code),
  level       text not null check (level in ('PROVINCE', 'DEPARTMENT', 'CENTRE', 'DIVISION', 'COMMUNE', 'DISTRICT')),
  identifier  text unique,
  valid_from  date,
  valid_to    date,
  demo        boolean not null default false,
  check (valid_from is null or valid_to is null or valid_from <= valid_to),
  check (parent_code is null or parent_code <> code)
);
create index agency_parent_idx on agency (parent_code);
