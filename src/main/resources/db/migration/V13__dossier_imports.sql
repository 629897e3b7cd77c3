-- Imports of historical dossiers from a previous system, with their progress for the admin page.
create table dossier_import_run (
  id          bigserial primary key,
  started_at  timestamptz not null,
  finished_at timestamptz,
  actor       text not null,
  lines       bigint not null default 0,
  imported    bigint not null default 0,
  unchanged   bigint not null default 0,
  errors      bigint not null default 0
);
