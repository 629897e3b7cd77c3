-- The words of procedure names (folded: lower case, no diacritics), so that a mistyped query word can be
-- matched to real words within one edit and the search stays an indexed full-text query.
-- Words within one edit share a "deletion key" (the word, or the word less one letter): looking the
-- query word's keys up in an index finds them without comparing against every word.
create extension if not exists fuzzystrmatch;

create function motcua_word_keys(text) returns setof text language sql immutable parallel safe strict as
$$
  select $1
  union
  select overlay($1 placing '' from i for 1) from generate_series(1, length($1)) i where length($1) >= 3
$$;

create table procedure_word (
  word text primary key
);
create index procedure_word_prefix_idx on procedure_word (word text_pattern_ops);

create table procedure_word_key (
  key  text not null,
  word text not null references procedure_word (word),
  primary key (key, word)
);

create function procedure_words_collect() returns trigger language plpgsql as $$
begin
  with added as (
    insert into procedure_word (word)
    select unnest(tsvector_to_array(new.search_vector))
    on conflict do nothing
    returning word
  )
  insert into procedure_word_key (key, word)
  select k, a.word from added a, motcua_word_keys(a.word) k
  on conflict do nothing;
  return new;
end;
$$;

create trigger procedure_words after insert or update of name on procedure
  for each row execute function procedure_words_collect();

insert into procedure_word (word)
select distinct unnest(tsvector_to_array(search_vector)) from procedure
on conflict do nothing;
insert into procedure_word_key (key, word)
select k, w.word from procedure_word w, motcua_word_keys(w.word) k
on conflict do nothing;
