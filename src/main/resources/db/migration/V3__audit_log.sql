-- Nhật ký: append-only and hash-chained. Each record's hash covers the previous record's hash, so altering
-- or removing any record breaks every later link (checked by `audit:verify`).
create table audit_record (
  id            bigint primary key,
  at            timestamptz not null,
  actor         text not null,
  action        text not null,
  subject_type  text not null,
  subject_id    text not null,
  details       text not null,
  previous_hash char(64) not null,
  hash          char(64) not null unique
);
create sequence audit_record_id_seq owned by audit_record.id;
create index audit_record_subject_idx on audit_record (subject_type, subject_id, id desc);
create index audit_record_at_idx on audit_record (at);

create function audit_record_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_record is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_record_no_update before update or delete on audit_record
  for each row execute function audit_record_is_append_only();
create trigger audit_record_no_truncate before truncate on audit_record
  for each statement execute function audit_record_is_append_only();
