-- Danh mục TTHC: procedures, their published versions, cases, fees per channel and required documents.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE; this wrapper pins the dictionary so it can feed indexes.
create function motcua_fold(text) returns text language sql immutable parallel safe strict as
$$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

create table procedure_field (
  id   serial primary key,
  name text not null unique check (length(name) between 1 and 300)
);

-- One row per procedure code: the version in force and denormalised figures of its default case,
-- so lists and search never join the version tables.
create table procedure (
  code             text primary key check (code ~ '^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$'),
  name             text not null,
  field_id         int not null references procedure_field (id),
  agency_code      text not null references agency (code),
  level            text not null check (level in ('PROVINCE', 'COMMUNE')),
  internal         boolean not null default false,
  status           text not null default 'PUBLISHED' check (status in ('PUBLISHED', 'ABOLISHED')),
  online_level     text not null check (online_level in ('FULL', 'PARTIAL', 'NONE')),
  duration_amount  int check (duration_amount >= 1),
  duration_unit    text not null check (duration_unit in ('DAYS', 'HOURS', 'NONE')),
  fee_vnd          bigint not null check (fee_vnd >= 0),
  current_version  int not null,
  demo             boolean not null default false,
  search_name      text generated always as (motcua_fold(name)) stored,
  search_vector    tsvector generated always as (to_tsvector('simple', motcua_fold(name))) stored
);
create index procedure_search_trgm_idx on procedure using gin (search_name gin_trgm_ops);
create index procedure_search_fts_idx on procedure using gin (search_vector);
create index procedure_field_idx on procedure (field_id);
create index procedure_agency_idx on procedure (agency_code);

-- Quyết định công bố: each publication decision creates a version; dossiers keep the one in force at reception.
create table procedure_version (
  procedure_code  text not null references procedure (code),
  version         int not null check (version >= 1),
  decision_number text,
  decision_date   date,
  decision_type   text not null check (decision_type in ('NEW', 'AMENDED', 'ABOLISHED', 'IMPORTED')),
  effective_from  date,
  name            text not null,
  field_id        int not null references procedure_field (id),
  agency_code     text not null references agency (code),
  level           text not null check (level in ('PROVINCE', 'COMMUNE')),
  applicant_types text[] not null default '{}',
  online_level    text not null check (online_level in ('FULL', 'PARTIAL', 'NONE')),
  steps           text,
  methods         text,
  conditions      text,
  result          text,
  legal_basis     text,
  created_at      timestamptz not null,
  primary key (procedure_code, version)
);

-- Trường hợp: the unit that carries the time limit, the cut-off hour and the fees.
create table procedure_case (
  procedure_code  text not null,
  version         int not null,
  code            text not null,
  name            text not null,
  is_default      boolean not null,
  duration_amount int check (duration_amount >= 1),
  duration_unit   text not null check (duration_unit in ('DAYS', 'HOURS', 'NONE')),
  cutoff_time     time,
  fee_counter_vnd bigint not null default 0 check (fee_counter_vnd >= 0),
  fee_online_vnd  bigint not null default 0 check (fee_online_vnd >= 0),
  fee_postal_vnd  bigint not null default 0 check (fee_postal_vnd >= 0),
  primary key (procedure_code, version, code),
  foreign key (procedure_code, version) references procedure_version (procedure_code, version),
  check ((duration_unit = 'NONE') = (duration_amount is null))
);
create unique index procedure_case_one_default_idx on procedure_case (procedure_code, version) where is_default;

-- Thành phần hồ sơ per case.
create table procedure_document (
  procedure_code   text not null,
  version          int not null,
  case_code        text not null,
  ordinal          int not null,
  name             text not null,
  originals        int not null default 1 check (originals >= 0),
  copies           int not null default 0 check (copies >= 0),
  required         boolean not null default true,
  template_name    text,
  template_url     text,
  replaced_by_data boolean not null default false,
  primary key (procedure_code, version, case_code, ordinal),
  foreign key (procedure_code, version, case_code) references procedure_case (procedure_code, version, code)
);
