-- What the dossier module lets the indicators read (decision record 0003): the columns the Decision 766 rules
-- need, and nothing personal. The KPI functions (R__kpi_rollups.sql) read these views, never the tables, so a
-- change of the dossier tables only has to keep these columns. Columns may be added at the end only.
create or replace view dossier_kpi_source as
  select code, received_at, agency_code, procedure_code, channel, due_at, finished_at, returned_at, stopped_at,
         fee_vnd, fee_exemption, paid_online, digitized, electronic_result, rating, vneid_verified, registry_check,
         status, data_reused, store_reused, imported_hash is not null as imported
  from dossier;

create or replace view dossier_kpi_supplement as
  select dossier_code, seq, requested_at, completed_at
  from dossier_supplement;
