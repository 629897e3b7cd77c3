-- Imports of catalog files started from the admin page, with their progress and outcome for the page to follow.
create table catalog_import_run (
  id          bigserial primary key,
  started_at  timestamptz not null,
  progress_at timestamptz,
  finished_at timestamptz,
  actor       text not null,
  format      text not null check (format in ('csv', 'national')),
  file_name   text,
  total       int not null default 0,
  done        int not null default 0,
  succeeded   boolean,
  outcome     jsonb      -- the summary, or the bad lines
);
