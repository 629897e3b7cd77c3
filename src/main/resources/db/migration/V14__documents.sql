-- Tài liệu: metadata of stored files; the content lives in the document store (filesystem by default).
create table document (
  id           uuid primary key,
  owner_type   text not null,
  owner_id     text not null,
  component    text not null default '',
  file_name    text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes   bigint not null check (size_bytes > 0),
  sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  stored_at    timestamptz not null,
  stored_by    text not null,
  path         text not null
);
create index document_owner_idx on document (owner_type, owner_id);
