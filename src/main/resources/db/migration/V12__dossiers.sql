-- Hồ sơ: every dossier from submission to result. Nothing is ever deleted; history is append-only.
create table dossier (
  code                 text primary key,
  procedure_code       text not null references procedure (code),
  procedure_version    int,
  case_code            text,
  agency_code          text not null references agency (code),   -- the deciding unit (competent authority)
  receiving_unit_code  text not null references agency (code),
  channel              text not null check (channel in ('COUNTER', 'ONLINE', 'POSTAL')),
  status               text not null check (status in ('SUBMITTED', 'RECEIVED', 'REFUSED', 'PROCESSING',
                         'SUPPLEMENT_REQUESTED', 'PAYMENT_REQUESTED', 'WITHDRAWN', 'STOPPED', 'FINISHED', 'RETURNED')),
  applicant_type       text not null check (applicant_type in ('CITIZEN', 'BUSINESS')),
  applicant_id_number  text,
  applicant_name       text,
  applicant_birth_date date,
  applicant_tax_code   text,
  business_name        text,
  applicant_phone      text,
  applicant_email      text,
  applicant_address    text,
  submitter            text,            -- account that filed: a citizen's ID number or an officer's user name
  assurance_level      smallint,        -- e-ID level of an online filer
  vneid_verified       boolean not null default false,
  note                 text,
  submitted_at         timestamptz not null,
  received_at          timestamptz,
  due_at               timestamptz,
  extended_due_at      timestamptz,
  finished_at          timestamptz,
  returned_at          timestamptz,
  stopped_at           timestamptz,
  approved             boolean not null default false,
  assignee             text,
  fee_vnd              bigint not null default 0 check (fee_vnd >= 0),
  paid_vnd             bigint not null default 0 check (paid_vnd >= 0),
  paid_online          boolean not null default false,
  registry_check       text not null default 'NOT_CHECKED' check (registry_check in
                         ('MATCH', 'NO_MATCH', 'NOT_FOUND', 'DECEASED', 'UNAVAILABLE', 'NOT_CHECKED')),
  digitized            boolean not null default false,
  electronic_result    boolean not null default false,
  rating               text check (rating in ('SATISFIED', 'DISSATISFIED')),
  imported_hash        text,            -- SHA-256 of the imported line's content, for idempotent re-import
  deadline_state       text not null default 'IN_TIME' check (deadline_state in ('IN_TIME', 'DUE_SOON', 'OVERDUE')),
  version              int not null default 0
);
create index dossier_agency_idx on dossier (agency_code, submitted_at desc);
create index dossier_receiving_idx on dossier (receiving_unit_code, submitted_at desc);
create index dossier_applicant_idx on dossier (applicant_id_number);
create index dossier_submitter_idx on dossier (submitter);
create index dossier_received_idx on dossier (received_at);
create index dossier_open_due_idx on dossier (due_at) where status in ('RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'PAYMENT_REQUESTED');

-- Yêu cầu bổ sung: the clock stops from request to completion.
create table dossier_supplement (
  dossier_code text not null references dossier (code),
  seq          int not null,
  requested_at timestamptz not null,
  completed_at timestamptz,
  requested_by text,
  reason       text,
  items        text[] not null default '{}',
  primary key (dossier_code, seq),
  check (completed_at is null or completed_at >= requested_at)
);

create table dossier_history (
  id           bigserial primary key,
  dossier_code text not null references dossier (code),
  at           timestamptz not null,
  actor        text not null,
  action       text not null,
  from_status  text,
  to_status    text,
  note         text,
  details      jsonb not null default '{}'
);
create index dossier_history_code_idx on dossier_history (dossier_code, id);

create function dossier_history_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'dossier history is append-only';
end $$;
create trigger dossier_history_append_only before update or delete on dossier_history
  for each statement execute function dossier_history_append_only();
create trigger dossier_no_delete before delete on dossier
  for each statement execute function dossier_history_append_only();

-- The running number of dossier codes, per receiving unit and day. Taken in the filing's transaction, so a
-- failed filing gives its number back and the sequence has no gaps.
create table dossier_counter (
  unit_code text not null,
  day       date not null,
  last      int not null,
  primary key (unit_code, day)
);
