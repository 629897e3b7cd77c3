-- Files in PostgreSQL (docs/adr/0010): every instance reads them, and the database's backups hold them. A file
-- kept on disk by an earlier version is moved here at start; `document.path` then reads 'db:'.
create table document_content (
  document_id uuid primary key references document (id),
  content     bytea not null
);
