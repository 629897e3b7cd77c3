-- What the catalog lets other modules read in SQL (its module API for joins): a procedure's code, name, field
-- name, agency and publication state. Other modules join this view, never the catalog's tables, so the catalog
-- can reshape its tables keeping these columns. Columns may be added at the end only.
create or replace view catalog_procedure as
  select p.code, p.name, f.name as field, p.agency_code, p.status, p.internal, p.demo
  from procedure p join procedure_field f on f.id = p.field_id;
