-- Đồng bộ Cổng DVCQG: what is sent to the national public-service portal, written in the transaction of the change
-- and delivered in order per dossier by a worker of any instance (docs/adr/0012).

-- The national status (TrangThaiHoSo) of each internal status, as data administrators can read and correct.
create table sync_status_map (
  status        text primary key,
  national_code int not null check (national_code between 1 and 10),
  label         text not null
);
insert into sync_status_map (status, national_code, label) values
  ('SUBMITTED', 1, 'Mới đăng ký'), ('RECEIVED', 2, 'Được tiếp nhận'), ('REFUSED', 3, 'Không được tiếp nhận'),
  ('PROCESSING', 4, 'Đang xử lý'), ('SUPPLEMENT_REQUESTED', 5, 'Yêu cầu bổ sung giấy tờ'),
  ('PAYMENT_REQUESTED', 6, 'Yêu cầu thực hiện nghĩa vụ tài chính'), ('WITHDRAWN', 7, 'Công dân yêu cầu rút hồ sơ'),
  ('STOPPED', 8, 'Dừng xử lý'), ('FINISHED', 9, 'Đã xử lý xong'), ('RETURNED', 10, 'Đã trả kết quả');

create table sync_delivery (
  id              uuid primary key,
  dossier_code    text not null references dossier (code),
  sequence        int not null check (sequence >= 1),
  service         text not null check (service in ('DongBoHoSoMC', 'CapNhatTienDoHoSoMC')),
  national_status int not null,
  payload         jsonb not null,
  status          text not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
  attempts        int not null default 0,
  next_attempt_at timestamptz not null,
  lease_until     timestamptz,
  retry_since     timestamptz not null,
  created_at      timestamptz not null,
  delivered_at    timestamptz,
  last_error      text,
  unique (dossier_code, sequence),
  check ((status = 'DELIVERED') = (delivered_at is not null))
);
create index sync_delivery_due_idx on sync_delivery (next_attempt_at) where status = 'PENDING';
create index sync_delivery_open_idx on sync_delivery (dossier_code, sequence) where status <> 'DELIVERED';

-- The bundled sandbox portal (demo mode only): its sessions and what it accepted, in arrival order.
create table sandbox_dvcqg_session (
  token      text primary key,
  created_at timestamptz not null
);
create table sandbox_dvcqg_received (
  id              bigserial primary key,
  code            text not null,
  service         text not null,
  national_status int,
  sequence        int,
  duplicate       boolean not null,
  payload         jsonb not null,
  received_at     timestamptz not null
);
create index sandbox_dvcqg_received_idx on sandbox_dvcqg_received (code, id);
