-- The check made while a dossier is filed runs before the dossier has its code (codes are gap-free, given
-- in the filing's transaction); the filing then links its lookup here, in that same transaction. Appended
-- once per lookup, never changed, like the log itself.
create table registry_lookup_dossier (
  lookup_id    uuid primary key references registry_lookup (id),
  dossier_code text not null
);
create index registry_lookup_dossier_code_idx on registry_lookup_dossier (dossier_code);
