-- Reuse of data, Decision 766 indicators 4.3 (a component's data reused instead of handed in again: taken from a
-- national database or from the applicant's document store) and 4.4 (a component taken from the applicant's
-- personal store). Kept on the dossier from the components it holds, like `digitized`, and summed by the
-- rollups like the other flags (R__kpi_rollups.sql).
alter table dossier
  add column data_reused boolean not null default false,
  add column store_reused boolean not null default false;
alter table kpi_dossier
  add column data_reused boolean not null default false,
  add column store_reused boolean not null default false;
alter table kpi_rollup
  add column data_reused int not null default 0,
  add column store_reused int not null default 0;
alter table kpi_unit_day
  add column data_reused int not null default 0,
  add column store_reused int not null default 0;
