-- The national catalog pull and the local ↔ national code mappings (docs/adr/0012).

-- Local ↔ national codes (mã TTHC, mã lĩnh vực, mã đơn vị), where they differ: read when a payload is written
-- and when a national catalog record is imported. One national code per local code and kind, and back.
create table sync_code_map (
  kind          text not null check (kind in ('PROCEDURE', 'FIELD', 'AGENCY')),
  local_code    text not null,
  national_code text not null,
  national_name text,
  source        text not null check (source in ('ADMIN', 'CATALOG_PULL')),
  updated_at    timestamptz not null,
  updated_by    text not null,
  primary key (kind, local_code),
  unique (kind, national_code)
);

-- Each pull of the national catalog (LayDanhSachTTHC, then LayThuTuc for what changed): when, why, what came.
create table sync_catalog_pull (
  id          uuid primary key,
  trigger     text not null check (trigger in ('SCHEDULE', 'ADMIN')),
  scope       text not null check (scope in ('CHANGED', 'ALL')), -- ALL: fetch every record, marks or not
  requested_by text not null,
  started_at  timestamptz not null,
  finished_at timestamptz,
  status      text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
  listed      int not null default 0,
  fetched     int not null default 0,
  published   int not null default 0,
  unchanged   int not null default 0,
  abolished   int not null default 0,
  rejected    int not null default 0,
  problems    jsonb not null default '[]',
  error       text
);
create index sync_catalog_pull_started_idx on sync_catalog_pull (started_at desc);
-- one pull at a time across instances
create unique index sync_catalog_pull_running_idx on sync_catalog_pull ((true)) where status = 'RUNNING';

-- The portal's last-change mark of each national procedure seen, so a pull fetches only what changed.
create table sync_catalog_seen (
  national_code text primary key,
  changed_mark  text not null,
  seen_at       timestamptz not null
);

-- The sandbox portal's national catalog (demo mode only): records in the LayThuTuc shape.
create table sandbox_dvcqg_procedure (
  code       text primary key,
  record     jsonb not null,
  updated_at timestamptz not null
);
