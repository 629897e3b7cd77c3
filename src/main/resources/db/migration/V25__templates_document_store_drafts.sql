-- Mẫu hồ sơ per case: components get stable codes, each case an e-form (fields as JSON, validated by the
-- catalog) and whether its result must be electronic; procedures say whom they serve (đối tượng thực hiện).
alter table procedure_document add column code text;
update procedure_document set code = 'TP' || lpad(ordinal::text, 2, '0');
alter table procedure_document alter column code set not null;
alter table procedure_document add constraint procedure_document_code_chk check (code ~ '^[0-9A-Za-z._-]{1,64}$');
create unique index procedure_document_code_idx on procedure_document (procedure_code, version, case_code, code);

alter table procedure_case
  add column form jsonb not null default '{"fields":[]}',
  add column requires_electronic_result boolean not null default false;

-- CITIZEN (công dân), BUSINESS (doanh nghiệp, tổ chức), BOTH; read from the applicant types where they say it.
alter table procedure_version add column audience text not null default 'CITIZEN'
  check (audience in ('CITIZEN', 'BUSINESS', 'BOTH'));
alter table procedure add column audience text not null default 'CITIZEN'
  check (audience in ('CITIZEN', 'BUSINESS', 'BOTH'));
update procedure_version set audience = case
    when exists (select 1 from unnest(applicant_types) t where t ~* '(doanh nghiệp|tổ chức|hợp tác xã|hộ kinh doanh|nhà đầu tư)')
      then case when exists (select 1 from unnest(applicant_types) t where t ~* '(công dân|cá nhân)') then 'BOTH'
                else 'BUSINESS' end
    else 'CITIZEN' end;
update procedure p set audience = v.audience
  from procedure_version v where v.procedure_code = p.code and v.version = p.current_version;

-- Kho dữ liệu điện tử cá nhân: a person's own files (owner_type 'person', owner_id the username), which
-- dossiers link to instead of copying; signed results join it as kind RESULT.
alter table document
  add column title text check (length(title) <= 200),
  add column kind text not null default 'UPLOAD' check (kind in ('UPLOAD', 'RESULT')),
  add column dossier_code text;
create index document_dossier_idx on document (dossier_code) where dossier_code is not null;

-- Thành phần hồ sơ as received: a file (uploaded for the dossier or linked from the applicant's store), a
-- paper original seen at the counter, or data fetched instead of paper (thay thế bằng dữ liệu). A scan of a
-- component replaces its paper entry; `digitized` on the dossier is kept from these rows.
create table dossier_component (
  id           bigserial primary key,
  dossier_code text not null references dossier (code),
  component    text not null check (length(component) between 1 and 64),
  kind         text not null check (kind in ('FILE', 'PAPER', 'DATA')),
  document_id  uuid references document (id),
  reused       boolean not null default false,
  added_at     timestamptz not null,
  added_by     text not null,
  check ((kind = 'FILE') = (document_id is not null)),
  check (not reused or kind = 'FILE')
);
create index dossier_component_dossier_idx on dossier_component (dossier_code);
create index dossier_component_document_idx on dossier_component (document_id) where document_id is not null;
create unique index dossier_component_paper_idx on dossier_component (dossier_code, component) where kind <> 'FILE';

-- Tờ khai điện tử: the e-form's answers as filed.
alter table dossier add column form_data jsonb not null default '{}';

-- Hồ sơ nháp: a filing saved before submission; it takes no dossier number.
create table dossier_draft (
  id             uuid primary key,
  owner          text not null,
  procedure_code text not null references procedure (code),
  case_code      text,
  body           jsonb not null,
  created_at     timestamptz not null,
  updated_at     timestamptz not null
);
create index dossier_draft_owner_idx on dossier_draft (owner, updated_at desc);
