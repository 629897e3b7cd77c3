-- Phương án đơn giản hóa TTHC (NQ 66/NQ-CP): the approved cut of a procedure's time and cost, measured
-- against the versions published afterwards.
create table simplification_plan (
  id                bigserial primary key,
  procedure_code    text not null references procedure (code),
  decision_number   text not null check (length(decision_number) between 1 and 100),
  decision_date     date not null,
  effective_from    date,
  measure           text not null check (length(measure) between 1 and 1000),
  business          boolean not null default false,
  baseline_days     int not null check (baseline_days >= 1),
  target_days       int not null check (target_days >= 1 and target_days <= baseline_days),
  baseline_cost_vnd bigint not null check (baseline_cost_vnd >= 0),
  target_cost_vnd   bigint not null check (target_cost_vnd >= 0 and target_cost_vnd <= baseline_cost_vnd),
  status            text not null check (status in ('APPROVED', 'IN_EFFECT', 'CANCELLED')),
  demo              boolean not null default false,
  created_at        timestamptz not null
);
create index simplification_plan_procedure_idx on simplification_plan (procedure_code);
