-- Decision 766 indicator 1.4 (hồ sơ đồng bộ lên Cổng DVCQG), scored from the deliveries (docs/adr/0012).

-- What the sync module lets the indicators read: the dossiers whose first delivery (DongBoHoSoMC) reached the
-- national portal. The KPI functions (R__kpi_rollups.sql) read this view, never sync_delivery's other columns.
create view sync_kpi_source as
  select dossier_code from sync_delivery where sequence = 1 and status = 'DELIVERED';

-- sync_due: received by this system (not imported history, which its former system reported); synced: its
-- dossier reached the portal. Summed by the rollups like the other flags.
alter table kpi_dossier
  add column sync_due boolean not null default false,
  add column synced boolean not null default false;
alter table kpi_rollup
  add column sync_due int not null default 0,
  add column synced int not null default 0;
alter table kpi_unit_day
  add column sync_due int not null default 0,
  add column synced int not null default 0;
