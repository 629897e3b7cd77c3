-- Decision 766 rollups (decision record 0003): the rule, the contribution of a dossier, the refresh kept in
-- step by triggers in the writing transaction, the fold and the rebuild. Repeatable: Flyway runs this again
-- whenever it changes, after every versioned migration, and it ends by recomputing every contribution, so a
-- new or changed indicator is one change of this file (plus its Java read and tests; CONTRIBUTING.md).
-- The tables are created by V21; the dossier columns read come from the dossier module's view
-- dossier_kpi_source (R__dossier_kpi_source.sql).
--
-- The on-time rule of docs/api.md depends on the period's end E. For one dossier, the time it is judged by
-- (its end, moved back to an open supplement's request, less the completed waits) never decreases as E
-- grows, and neither does its number of supplement requests; so a dossier is late for exactly the periods
-- ending after one instant, its "late from" (null: on time whatever the end). Counting late dossiers of a
-- period is then a sum over rollup rows whose late day is before E's day, plus the dossiers late from
-- earlier on E's own day; the dossiers received on E's own day are read one by one, up to E.

-- The instant after which a dossier is late. `ended`: the first of finished, returned, stopped (null while
-- open). Only the first supplement can move the judged time before a second request makes it late.
create or replace function kpi_late_from(due timestamptz, ended timestamptz, first_requested timestamptz,
                              first_completed timestamptz, second_requested timestamptz)
returns timestamptz language sql immutable parallel safe as $$
  select case when due is null then null else least(
    case when second_requested < coalesce(ended, 'infinity') then second_requested end,
    case
      when first_requested is null or first_requested >= coalesce(ended, 'infinity') or due < first_requested
        then case when due < coalesce(ended, 'infinity') then due end
      when first_completed is null or first_completed > coalesce(ended, 'infinity') then null
      else (select case when t < coalesce(ended, 'infinity') then t end
            from (select due + (extract(epoch from first_completed) - extract(epoch from first_requested))
                               * interval '1 second' as t) w)
    end) end
$$;

-- What a dossier adds now (received dossiers only); read for one dossier by the trigger, for all by the rebuild.
create or replace view kpi_contribution as
  select d.code as dossier_code,
         (d.received_at at time zone 'Asia/Ho_Chi_Minh')::date as received_on, d.received_at,
         d.agency_code, d.procedure_code,
         kpi_late_from(d.due_at, coalesce(d.finished_at, d.returned_at, d.stopped_at), s.r[1], s.c[1], s.r[2])
           as late_from,
         d.channel = 'ONLINE' as online,
         d.fee_vnd > 0 and d.fee_exemption is null as fee,
         d.fee_vnd > 0 and d.fee_exemption is null and d.paid_online as paid_online,
         d.digitized, d.electronic_result as electronic, coalesce(d.rating = 'DISSATISFIED', false) as dissatisfied,
         d.vneid_verified or d.registry_check = 'MATCH' as citizen_data, d.data_reused, d.store_reused,
         not d.imported as sync_due, exists (select 1 from sync_kpi_source y where y.dossier_code = d.code) as synced
  from dossier_kpi_source d
  left join lateral (
    select array_agg(x.requested_at order by x.requested_at, x.seq) as r,
           array_agg(x.completed_at order by x.requested_at, x.seq) as c
    from dossier_kpi_supplement x where x.dossier_code = d.code) s on true
  where d.received_at is not null;

-- Brings dossiers' contributions up to date, set-based (a batch of imported dossiers is one call): takes back
-- what changed or vanished, adds what is new.
create or replace function kpi_refresh_many(codes text[]) returns void language plpgsql as $$
declare
  written bigint;
begin
  if cardinality(codes) <= 1 then -- the workflow's case: the per-row path, with no set-based plan to run
    if cardinality(codes) = 1 then
      perform kpi_refresh(codes[1]);
    end if;
    return;
  end if;
  -- the dossier rows are locked first, in one order, so writers of the same dossiers take turns here
  perform 1 from dossier d where d.code = any(codes) order by d.code for no key update;
  perform 1 from kpi_dossier k where k.dossier_code = any(codes) order by k.dossier_code for update;
  with fresh as (
    select * from kpi_contribution c where c.dossier_code = any(codes)
  ), stored as (
    select * from kpi_dossier k where k.dossier_code = any(codes)
  ), pairs as (
    select s.dossier_code as stored_code, f.dossier_code as fresh_code, s as was, f as now_is
    from stored s full join fresh f on f.dossier_code = s.dossier_code
    where row(s.received_on, s.received_at, s.agency_code, s.procedure_code, s.late_from, s.online, s.fee,
              s.paid_online, s.digitized, s.electronic, s.dissatisfied, s.citizen_data, s.data_reused, s.store_reused,
              s.sync_due, s.synced)
          is distinct from
          row(f.received_on, f.received_at, f.agency_code, f.procedure_code, f.late_from, f.online, f.fee,
              f.paid_online, f.digitized, f.electronic, f.dissatisfied, f.citizen_data, f.data_reused, f.store_reused,
              f.sync_due, f.synced)
  ), moves as (
    select (was).*, -1 as sign from pairs where stored_code is not null
    union all
    select (now_is).*, 1 from pairs where fresh_code is not null
  ), deltas as (
    insert into kpi_rollup (received_on, agency_code, procedure_code, late_on, dossiers, online, fee, paid_online,
                            digitized, electronic, dissatisfied, citizen_data, data_reused, store_reused, sync_due, synced)
    select received_on, agency_code, procedure_code,
           coalesce((late_from at time zone 'Asia/Ho_Chi_Minh')::date, 'infinity'::date), sign,
           sign * online::int, sign * fee::int, sign * paid_online::int, sign * digitized::int,
           sign * electronic::int, sign * dissatisfied::int, sign * citizen_data::int, sign * data_reused::int,
           sign * store_reused::int, sign * sync_due::int, sign * synced::int
    from moves
    returning 1
  ), removed as (
    delete from kpi_dossier k using pairs p
    where k.dossier_code = p.stored_code and p.fresh_code is null
    returning 1
  ), kept as (
    insert into kpi_dossier select (now_is).* from pairs where fresh_code is not null
    on conflict (dossier_code) do update
      set received_on = excluded.received_on, received_at = excluded.received_at,
          agency_code = excluded.agency_code, procedure_code = excluded.procedure_code,
          late_from = excluded.late_from, online = excluded.online, fee = excluded.fee,
          paid_online = excluded.paid_online, digitized = excluded.digitized, electronic = excluded.electronic,
          dissatisfied = excluded.dissatisfied, citizen_data = excluded.citizen_data,
          data_reused = excluded.data_reused, store_reused = excluded.store_reused,
          sync_due = excluded.sync_due, synced = excluded.synced
    returning 1
  )
  select (select count(*) from deltas) + (select count(*) from removed) + (select count(*) from kept)
    into written;
end
$$;

-- The same for one dossier, the workflow's case: a few index lookups, no set-based plan to run.
create or replace function kpi_refresh(code text) returns void language plpgsql as $$
declare
  fresh kpi_dossier;
  stored kpi_dossier;
begin
  perform 1 from dossier d where d.code = $1 for no key update;
  select * into fresh from kpi_contribution c where c.dossier_code = $1;
  select * into stored from kpi_dossier k where k.dossier_code = $1 for update;
  if stored is not distinct from fresh then
    return;
  end if;
  if stored.dossier_code is not null then
    insert into kpi_rollup (received_on, agency_code, procedure_code, late_on, dossiers, online, fee, paid_online,
                            digitized, electronic, dissatisfied, citizen_data, data_reused, store_reused,
                            sync_due, synced)
    values (stored.received_on, stored.agency_code, stored.procedure_code,
            coalesce((stored.late_from at time zone 'Asia/Ho_Chi_Minh')::date, 'infinity'::date), -1,
            -stored.online::int, -stored.fee::int, -stored.paid_online::int, -stored.digitized::int,
            -stored.electronic::int, -stored.dissatisfied::int, -stored.citizen_data::int, -stored.data_reused::int,
            -stored.store_reused::int, -stored.sync_due::int, -stored.synced::int);
    delete from kpi_dossier k where k.dossier_code = $1;
  end if;
  if fresh.dossier_code is not null then
    insert into kpi_rollup (received_on, agency_code, procedure_code, late_on, dossiers, online, fee, paid_online,
                            digitized, electronic, dissatisfied, citizen_data, data_reused, store_reused,
                            sync_due, synced)
    values (fresh.received_on, fresh.agency_code, fresh.procedure_code,
            coalesce((fresh.late_from at time zone 'Asia/Ho_Chi_Minh')::date, 'infinity'::date), 1,
            fresh.online::int, fresh.fee::int, fresh.paid_online::int, fresh.digitized::int,
            fresh.electronic::int, fresh.dissatisfied::int, fresh.citizen_data::int, fresh.data_reused::int,
            fresh.store_reused::int, fresh.sync_due::int, fresh.synced::int);
    insert into kpi_dossier values (fresh.*);
  end if;
end
$$;

create or replace function kpi_dossier_changed() returns trigger language plpgsql as $$
begin
  perform kpi_refresh(case when tg_op = 'DELETE' then old.code else new.code end);
  return null;
end
$$;

create or replace function kpi_supplement_changed() returns trigger language plpgsql as $$
begin
  perform kpi_refresh(case when tg_op = 'DELETE' then old.dossier_code else new.dossier_code end);
  if tg_op = 'UPDATE' and old.dossier_code <> new.dossier_code then
    perform kpi_refresh(old.dossier_code);
  end if;
  return null;
end
$$;

-- Inserts are taken a statement at a time (the legacy import writes batches); changes a row at a time.
create or replace function kpi_dossiers_inserted() returns trigger language plpgsql as $$
begin
  perform kpi_refresh_many(array(select code from inserted));
  return null;
end
$$;

create or replace function kpi_supplements_inserted() returns trigger language plpgsql as $$
begin
  perform kpi_refresh_many(array(select distinct dossier_code from inserted));
  return null;
end
$$;

drop trigger if exists kpi_dossiers_inserted on dossier;
create trigger kpi_dossiers_inserted after insert on dossier referencing new table as inserted
  for each statement execute function kpi_dossiers_inserted();

drop trigger if exists kpi_dossier_changed on dossier;
create trigger kpi_dossier_changed after delete or update of received_at, agency_code, procedure_code,
  channel, due_at, finished_at, returned_at, stopped_at, fee_vnd, fee_exemption, paid_online, digitized,
  electronic_result, rating, vneid_verified, registry_check, data_reused, store_reused on dossier for each row execute function kpi_dossier_changed();

drop trigger if exists kpi_supplements_inserted on dossier_supplement;
create trigger kpi_supplements_inserted after insert on dossier_supplement referencing new table as inserted
  for each statement execute function kpi_supplements_inserted();

drop trigger if exists kpi_supplement_changed on dossier_supplement;
create trigger kpi_supplement_changed after delete or update on dossier_supplement
  for each row execute function kpi_supplement_changed();

-- A dossier's first delivery reaching the national portal changes its 1.4 contribution (sync_kpi_source).
create or replace function kpi_synced() returns trigger language plpgsql as $$
begin
  perform kpi_refresh(new.dossier_code);
  return null;
end
$$;

drop trigger if exists kpi_synced on sync_delivery;
create trigger kpi_synced after update of status on sync_delivery for each row
  when (new.sequence = 1 and (new.status = 'DELIVERED') is distinct from (old.status = 'DELIVERED'))
  execute function kpi_synced();

-- Folds the appended rows into one row per key and drops keys that came back to zero.
create or replace function kpi_compact() returns int language plpgsql as $$
declare
  folded int;
begin
  with moved as (
    delete from kpi_rollup where not compacted
    returning received_on, agency_code, procedure_code, late_on, dossiers, online, fee, paid_online, digitized,
              electronic, dissatisfied, citizen_data, data_reused, store_reused, sync_due, synced
  ), summed as (
    select received_on, agency_code, procedure_code, late_on, sum(dossiers) as dossiers, sum(online) as online,
           sum(fee) as fee, sum(paid_online) as paid_online, sum(digitized) as digitized,
           sum(electronic) as electronic, sum(dissatisfied) as dissatisfied, sum(citizen_data) as citizen_data,
           sum(data_reused) as data_reused, sum(store_reused) as store_reused, sum(sync_due) as sync_due,
           sum(synced) as synced
    from moved group by received_on, agency_code, procedure_code, late_on
  ), folded as (
    insert into kpi_rollup (received_on, agency_code, procedure_code, late_on, dossiers, online, fee, paid_online,
                            digitized, electronic, dissatisfied, citizen_data, data_reused, store_reused, sync_due,
                            synced, compacted)
    select received_on, agency_code, procedure_code, late_on, dossiers, online, fee, paid_online, digitized,
           electronic, dissatisfied, citizen_data, data_reused, store_reused, sync_due, synced, true
    from summed
    on conflict (received_on, agency_code, procedure_code, late_on) where compacted do update
      set dossiers = kpi_rollup.dossiers + excluded.dossiers, online = kpi_rollup.online + excluded.online,
          fee = kpi_rollup.fee + excluded.fee, paid_online = kpi_rollup.paid_online + excluded.paid_online,
          digitized = kpi_rollup.digitized + excluded.digitized,
          electronic = kpi_rollup.electronic + excluded.electronic,
          dissatisfied = kpi_rollup.dissatisfied + excluded.dissatisfied,
          citizen_data = kpi_rollup.citizen_data + excluded.citizen_data,
          data_reused = kpi_rollup.data_reused + excluded.data_reused,
          store_reused = kpi_rollup.store_reused + excluded.store_reused,
          sync_due = kpi_rollup.sync_due + excluded.sync_due, synced = kpi_rollup.synced + excluded.synced
    returning 1
  ), unit_days as (
    insert into kpi_unit_day (received_on, agency_code, dossiers, online, fee, paid_online, digitized, electronic,
                              dissatisfied, citizen_data, late_ever, data_reused, store_reused, sync_due, synced)
    select received_on, agency_code, sum(dossiers), sum(online), sum(fee), sum(paid_online), sum(digitized),
           sum(electronic), sum(dissatisfied), sum(citizen_data),
           coalesce(sum(dossiers) filter (where late_on <> 'infinity'), 0), sum(data_reused), sum(store_reused),
           sum(sync_due), sum(synced)
    from summed group by received_on, agency_code
    on conflict (received_on, agency_code) do update
      set dossiers = kpi_unit_day.dossiers + excluded.dossiers, online = kpi_unit_day.online + excluded.online,
          fee = kpi_unit_day.fee + excluded.fee, paid_online = kpi_unit_day.paid_online + excluded.paid_online,
          digitized = kpi_unit_day.digitized + excluded.digitized,
          electronic = kpi_unit_day.electronic + excluded.electronic,
          dissatisfied = kpi_unit_day.dissatisfied + excluded.dissatisfied,
          citizen_data = kpi_unit_day.citizen_data + excluded.citizen_data,
          late_ever = kpi_unit_day.late_ever + excluded.late_ever,
          data_reused = kpi_unit_day.data_reused + excluded.data_reused,
          store_reused = kpi_unit_day.store_reused + excluded.store_reused,
          sync_due = kpi_unit_day.sync_due + excluded.sync_due, synced = kpi_unit_day.synced + excluded.synced
    returning 1
  ), unit_late as (
    insert into kpi_unit_late (received_on, agency_code, late_on, dossiers)
    select received_on, agency_code, late_on, sum(dossiers)
    from summed where late_on <> 'infinity' group by received_on, agency_code, late_on
    on conflict (received_on, agency_code, late_on) do update
      set dossiers = kpi_unit_late.dossiers + excluded.dossiers
    returning 1
  )
  select count(*) + (select count(*) from unit_days) + (select count(*) from unit_late) into folded from folded;
  delete from kpi_rollup where compacted and dossiers = 0;
  delete from kpi_unit_day where dossiers = 0;
  delete from kpi_unit_late where dossiers = 0;
  return folded;
end
$$;

-- Recomputes everything from the dossiers (kpi:rebuild). Writers of dossiers wait until it commits.
create or replace function kpi_rebuild() returns bigint language plpgsql as $$
declare
  counted bigint;
begin
  lock table kpi_dossier, kpi_rollup, kpi_unit_day, kpi_unit_late in access exclusive mode;
  truncate kpi_dossier, kpi_rollup, kpi_unit_day, kpi_unit_late;
  insert into kpi_dossier select * from kpi_contribution;
  get diagnostics counted = row_count;
  insert into kpi_rollup (received_on, agency_code, procedure_code, late_on, dossiers, online, fee, paid_online,
                          digitized, electronic, dissatisfied, citizen_data, data_reused, store_reused, sync_due,
                          synced, compacted)
  select received_on, agency_code, procedure_code,
         coalesce((late_from at time zone 'Asia/Ho_Chi_Minh')::date, 'infinity'::date), count(*),
         count(*) filter (where online), count(*) filter (where fee), count(*) filter (where paid_online),
         count(*) filter (where digitized), count(*) filter (where electronic), count(*) filter (where dissatisfied),
         count(*) filter (where citizen_data), count(*) filter (where data_reused),
         count(*) filter (where store_reused), count(*) filter (where sync_due), count(*) filter (where synced), true
  from kpi_dossier group by 1, 2, 3, 4;
  insert into kpi_unit_day (received_on, agency_code, dossiers, online, fee, paid_online, digitized, electronic,
                            dissatisfied, citizen_data, late_ever, data_reused, store_reused, sync_due, synced)
  select received_on, agency_code, sum(dossiers), sum(online), sum(fee), sum(paid_online), sum(digitized),
         sum(electronic), sum(dissatisfied), sum(citizen_data),
         coalesce(sum(dossiers) filter (where late_on <> 'infinity'), 0), sum(data_reused), sum(store_reused),
         sum(sync_due), sum(synced)
  from kpi_rollup group by 1, 2;
  insert into kpi_unit_late
  select received_on, agency_code, late_on, sum(dossiers) from kpi_rollup where late_on <> 'infinity' group by 1, 2, 3;
  return counted;
end
$$;

-- recompute what the rules above say each dossier contributes
select kpi_rebuild();
