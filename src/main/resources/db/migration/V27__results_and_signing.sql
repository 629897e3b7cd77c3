-- Kết quả giải quyết: the result documents of a dossier, drafted by the deciding unit and signed at FINISH. The
-- draft file stays as it was uploaded; the signed one is a new file, issued to the applicant's store.
create table dossier_result (
  id                 uuid primary key,
  dossier_code       text not null references dossier (code),
  title              text not null check (length(title) between 1 and 200),
  status             text not null check (status in ('DRAFT', 'SIGNED')),
  draft_document_id  uuid not null references document (id),
  signed_document_id uuid references document (id),
  created_at         timestamptz not null,
  created_by         text not null,
  signed_at          timestamptz,
  signer             text,
  check ((status = 'SIGNED') = (signed_document_id is not null and signed_at is not null))
);
create index dossier_result_dossier_idx on dossier_result (dossier_code);
create unique index dossier_result_signed_idx on dossier_result (signed_document_id) where signed_document_id is not null;

-- Demo mode's development CA and agency certificates (DER) with their keys (PKCS#8), kept with the data so that
-- every instance signs alike and old results still verify. Production reads a keystore instead.
create table signing_credential (
  subject     text primary key,
  certificate bytea not null,
  private_key bytea not null,
  chain       bytea not null,
  created_at  timestamptz not null
);
