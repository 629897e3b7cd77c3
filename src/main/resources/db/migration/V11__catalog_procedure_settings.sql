-- The province's own settings for a procedure, outside its national publication: they do not create a
-- version. min_assurance_level: the e-ID level (mức độ định danh) an online applicant needs.
create table procedure_setting (
  procedure_code      text primary key references procedure (code),
  min_assurance_level smallint not null default 1 check (min_assurance_level in (1, 2)),
  updated_at          timestamptz not null,
  updated_by          text not null
);
