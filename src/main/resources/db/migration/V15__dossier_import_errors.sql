-- The first bad lines of an import run, for the admin page that follows runs started from it.
alter table dossier_import_run add column error_lines text;
