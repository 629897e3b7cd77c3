-- Quy trình nội bộ: a procedure case's own steps between FORWARD and FINISH. Replaced as a whole when an
-- administrator saves it; dossiers copy the steps when they enter processing, so a change never reaches
-- a dossier already in hand.
create table case_process (
  procedure_code text not null references procedure (code),
  case_code      text not null,
  updated_at     timestamptz not null,
  updated_by     text not null,
  primary key (procedure_code, case_code)
);

create table case_process_step (
  procedure_code    text not null,
  case_code         text not null,
  position          int not null check (position >= 1),
  name              text not null check (length(name) between 1 and 200),
  unit_code         text references agency (code),          -- null: the procedure's deciding unit
  role              text not null check (role in ('SPECIALIST', 'DEPARTMENT_LEADER')),
  time_share        int not null check (time_share between 1 and 100),  -- percent of the case's time limit
  consult_unit_code text references agency (code),          -- liên thông: consulted in parallel
  primary key (procedure_code, case_code, position),
  foreign key (procedure_code, case_code) references case_process on delete cascade
);

-- The steps of one dossier as copied at FORWARD, with when each was started, due and handed over.
create table dossier_step (
  dossier_code      text not null references dossier (code),
  position          int not null,
  name              text not null,
  unit_code         text not null references agency (code),
  role              text not null,
  time_share        int not null,
  started_at        timestamptz,
  due_at            timestamptz,
  completed_at      timestamptz,
  completed_by      text,
  note              text,
  consult_unit_code text references agency (code),
  consulted_at      timestamptz,
  consulted_by      text,
  consult_note      text,
  primary key (dossier_code, position)
);
create index dossier_step_unit_idx on dossier_step (unit_code);
create index dossier_step_consult_idx on dossier_step (consult_unit_code) where consult_unit_code is not null;

alter table dossier add column current_step int;
-- the units holding or consulted at any step, so inbox lists find them through one index
alter table dossier add column step_units text[];
create index dossier_step_units_idx on dossier using gin (step_units) where step_units is not null;
