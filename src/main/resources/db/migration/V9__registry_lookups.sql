-- Every exchange with the National Population Database (nhật ký tra cứu CSDL dân cư): who asked, why, for
-- which dossier, when, and hashes of the request and the answer. Append-only, like the audit log.
create table registry_lookup (
  id            uuid primary key,
  at            timestamptz not null,
  actor         text not null,
  purpose       text not null check (length(purpose) between 1 and 500),
  dossier_code  text,
  id_number     text not null,
  kind          text not null check (kind in ('VERIFY', 'LOOKUP')),
  result        text not null check (result in ('MATCH', 'NO_MATCH', 'NOT_FOUND', 'DECEASED', 'UNAVAILABLE')),
  request       jsonb not null,
  request_hash  text not null,
  response_hash text,
  failure       text
);
create index registry_lookup_person_idx on registry_lookup (id_number, at desc);
create index registry_lookup_at_idx on registry_lookup (at desc);

create function registry_lookup_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'registry_lookup is append-only';
end $$;

create trigger registry_lookup_append_only before update or delete on registry_lookup
  for each statement execute function registry_lookup_append_only();
create trigger registry_lookup_no_truncate before truncate on registry_lookup
  for each statement execute function registry_lookup_append_only();
