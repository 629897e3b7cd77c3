-- The catalog's search index (docs/adr/0013) lives in each instance's memory; these let every instance keep it in
-- step with the catalog: each procedure row carries the transaction that last changed it, so an instance re-reads
-- the rows changed by transactions not yet finished at its previous look (pg_snapshot_xmin), and nothing committed
-- in between is missed whatever order transactions commit in.
alter table procedure add column change_xid xid8 not null default pg_current_xact_id();
create index procedure_change_xid_idx on procedure (change_xid);

create function procedure_changed() returns trigger language plpgsql as $$
begin
  new.change_xid := pg_current_xact_id();
  return new;
end;
$$;
create trigger procedure_changed before update on procedure for each row execute function procedure_changed();

-- Citizens' words for the catalog's (từ đồng nghĩa), edited by administrators: a phrase as people type it and what
-- the catalog calls it, several separated by "|". First filled from catalog/search-synonyms.csv.
create table catalog_synonym (
  phrase       text primary key check (length(phrase) between 1 and 100),
  replacements text not null check (length(replacements) between 1 and 500),
  updated_at   timestamptz not null,
  updated_by   text not null
);

-- When the default synonyms were loaded (once, so that what administrators delete stays deleted).
create table catalog_synonym_defaults (
  loaded_at timestamptz not null
);

-- The words and trigram indexes the search used before the index (V7) are no longer read.
drop trigger procedure_words on procedure;
drop function procedure_words_collect();
drop table procedure_word_key;
drop table procedure_word;
drop index procedure_search_trgm_idx;
drop index procedure_search_fts_idx;
alter table procedure drop column search_vector, drop column search_name;
