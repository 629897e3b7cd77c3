-- The bundled S3-compatible sandbox's objects (demo mode only, when MOTCUA_DOCUMENTS_STORE=s3 names no endpoint):
-- what the "object store" holds, shared by the instances on this database.
create table sandbox_s3_object (
  bucket    text not null,
  key       text not null,
  content   bytea not null,
  etag      text not null,
  stored_at timestamptz not null,
  primary key (bucket, key)
);
