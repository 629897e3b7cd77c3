-- What the catalog lets other modules read in SQL (its module API for joins): a procedure's code, name, field
-- name, agency and publication state. Other modules join this view, never the catalog's tables, so the catalog
-- can reshape its tables keeping these columns. Columns may be added at the end only.
create or replace view catalog_procedure as
  select p.code, p.name, f.name as field, p.agency_code, p.status, p.internal, p.demo
  from procedure p join procedure_field f on f.id = p.field_id;

-- Each procedure's publication as the Decision 766 score reads it: its online service, and whether the version
-- in force has every part NĐ 63/2010 Art. 8(2) requires — steps, methods, documents, a case with its time
-- limit, applicants (name and agency always are); and whom it serves (citizens, businesses, both).
create or replace view catalog_procedure_publication as
  select p.code, p.agency_code, p.status, p.internal, p.online_level,
         btrim(coalesce(v.steps, '')) <> '' and btrim(coalesce(v.methods, '')) <> ''
           and coalesce(cardinality(v.applicant_types), 0) > 0
           and exists (select 1 from procedure_case c where c.procedure_code = p.code and c.version = v.version)
           and exists (select 1 from procedure_document x where x.procedure_code = p.code and x.version = v.version)
           as complete,
         p.audience
  from procedure p
  left join procedure_version v on v.procedure_code = p.code and v.version = p.current_version;
