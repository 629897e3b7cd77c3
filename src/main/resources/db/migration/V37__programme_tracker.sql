-- Programme tracker (docs/adr/0015): Đề án 06, Nghị quyết 57 and a province's own plans; tasks with the five
-- "clear" fields, progress reports with evidence, indicators over time, the leadership roster, training, models.

create table programme (
  code        text primary key check (code ~ '^[A-Z0-9_]{2,40}$'),
  name        text not null,
  description text,
  demo        boolean not null default false
);

create table programme_group (
  programme_code text not null references programme (code),
  code           text not null,
  name           text not null,
  position       int not null default 0,
  primary key (programme_code, code)
);

create table programme_task (
  id                 bigserial primary key,
  programme_code     text not null references programme (code),
  code               text not null,
  group_code         text,
  title              text not null,
  owner_username     text not null,
  unit_code          text not null,
  partner_unit_codes text[] not null default '{}',
  start_date         date,
  deadline           date not null,
  expected_result    text not null,
  target_value       numeric(14, 2),
  target_unit        text,
  progress_percent   int not null default 0 check (progress_percent between 0 and 100),
  current_value      numeric(14, 2),
  done_at            date,
  last_report_at     timestamptz,
  created_at         timestamptz not null,
  created_by         text not null,
  demo               boolean not null default false,
  unique (programme_code, code),
  check (start_date is null or deadline >= start_date),
  foreign key (programme_code, group_code) references programme_group (programme_code, code)
);
create index programme_task_unit_idx on programme_task (unit_code);
create index programme_task_owner_idx on programme_task (owner_username);

create table programme_report (
  id               bigserial primary key,
  task_id          bigint not null references programme_task (id),
  at               timestamptz not null,
  reported_by      text not null,
  progress_percent int not null check (progress_percent between 0 and 100),
  value            numeric(14, 2),
  note             text,
  done             boolean not null default false,
  evidence         uuid[] not null default '{}'
);
create index programme_report_task_idx on programme_report (task_id, at);

-- one reminder of each kind per task: a week before the deadline, and when it has passed
create table programme_reminder (
  task_id bigint not null references programme_task (id),
  kind    text not null check (kind in ('DUE_IN_A_WEEK', 'OVERDUE')),
  sent_on date not null,
  primary key (task_id, kind)
);

create table programme_indicator (
  code           text primary key,
  programme_code text not null references programme (code),
  name           text not null,
  measure        text not null default '%',
  target         numeric(14, 2) not null,
  direction      text not null default 'AT_LEAST' check (direction in ('AT_LEAST', 'AT_MOST')),
  source         text not null default 'REPORTED' check (source in ('REPORTED', 'LEADERSHIP_ROSTER')),
  position       int not null default 0
);

-- unit_code '' is the whole province
create table programme_indicator_value (
  indicator_code text not null references programme_indicator (code),
  period         date not null check (extract(day from period) = 1),
  unit_code      text not null default '',
  value          numeric(14, 2) not null,
  recorded_by    text not null,
  recorded_at    timestamptz not null,
  primary key (indicator_code, period, unit_code)
);

-- the leaders of the province's agencies, with their science and technology expertise (Nghị quyết 57)
create table leadership_roster (
  id                    bigserial primary key,
  unit_code             text not null,
  full_name             text not null,
  position              text not null,
  qualifications        text,
  st_expertise          boolean not null,
  st_training_completed boolean not null default false,
  imported_at           timestamptz not null,
  imported_by           text not null,
  demo                  boolean not null default false
);
create index leadership_roster_unit_idx on leadership_roster (unit_code);

create table training_course (
  id         bigserial primary key,
  title      text not null,
  organiser  text,
  starts_on  date not null,
  ends_on    date not null check (ends_on >= starts_on),
  high_quality boolean not null default true,
  demo       boolean not null default false
);

create table training_attendance (
  course_id bigint not null references training_course (id),
  full_name text not null,
  unit_code text not null,
  completed boolean not null default false,
  primary key (course_id, full_name, unit_code)
);

-- the province's models (mô hình), cited by the report with their indicators and evidence
create table programme_initiative (
  id             bigserial primary key,
  programme_code text not null references programme (code),
  name           text not null,
  owner_username text not null,
  unit_code      text not null,
  description    text,
  indicators     text,
  evidence       uuid[] not null default '{}',
  created_at     timestamptz not null,
  demo           boolean not null default false
);
