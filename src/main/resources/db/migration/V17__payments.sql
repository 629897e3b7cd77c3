-- Miễn phí, lệ phí: a dossier exempted owes nothing; the reason stays with it.
alter table dossier add column fee_exemption text;

-- One attempt to pay what a dossier owes. Amounts in VND, integers. Never deleted.
create table payment (
  id                     uuid primary key,
  txn_ref                text not null unique,            -- vnp_TxnRef: unique per attempt
  dossier_code           text not null references dossier (code),
  amount_vnd             bigint not null check (amount_vnd > 0),
  method                 text not null check (method in ('ONLINE', 'CASH', 'TRANSFER')),
  status                 text not null check (status in ('PENDING', 'PAID', 'FAILED', 'CANCELLED', 'EXPIRED', 'REFUNDED')),
  created_at             timestamptz not null,
  created_by             text not null,
  expires_at             timestamptz,                     -- online attempts: 15 minutes after creation
  gateway_transaction_no text,                            -- vnp_TransactionNo
  bank_code              text,
  response_code          text,
  transaction_status     text,
  paid_at                timestamptz,
  refund_due             boolean not null default false,  -- paid for a dossier that owed nothing, or refused/stopped
  refund_reason          text,
  refunded_at            timestamptz,
  receipt_number         text unique,
  receipt_document       uuid,
  version                int not null default 0
);
create index payment_dossier_idx on payment (dossier_code, created_at);
create index payment_pending_idx on payment (expires_at) where status = 'PENDING';
create index payment_refund_idx on payment (id) where refund_due and status = 'PAID';
create index payment_paid_day_idx on payment (paid_at);

-- Everything that happened to an attempt: what arrived (IPN, return, query) and what it changed. Append-only.
create table payment_event (
  id          bigserial primary key,
  payment_id  uuid not null references payment (id),
  at          timestamptz not null,
  source      text not null,       -- ORDER, COUNTER, IPN, QUERYDR, EXPIRY, REFUND, RECONCILIATION
  from_status text,
  to_status   text not null,
  actor       text not null,
  details     jsonb not null default '{}'
);
create index payment_event_payment_idx on payment_event (payment_id, id);

create function payment_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'payment_event is append-only';
end $$;
create trigger payment_event_no_change before update or delete on payment_event
  for each row execute function payment_event_append_only();

-- Số biên lai: one running number per year.
create table receipt_counter (
  year int primary key,
  last int not null
);

-- Đối soát: one run per day compared with the gateway's transactions; its mismatches kept as found.
create table payment_reconciliation (
  day         date primary key,
  run_at      timestamptz not null,
  ours        int not null,
  gateway     int not null,
  matched     int not null,
  mismatches  jsonb not null default '[]'
);

-- The bundled VNPAY sandbox's own ledger (demo mode only): what the "gateway" knows, for querydr,
-- refunds and its settlement file.
create table sandbox_vnpay_transaction (
  txn_ref            text primary key,
  transaction_no     text not null unique,
  amount_vnd         bigint not null,
  order_info         text,
  create_date        text not null,
  pay_date           text,
  response_code      text not null,
  transaction_status text not null,
  bank_code          text,
  refunded_vnd       bigint not null default 0,
  at                 timestamptz not null
);
