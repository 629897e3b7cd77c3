-- When a run last reported progress: a run whose node died stops reporting and is shown as interrupted.
alter table dossier_import_run add column progress_at timestamptz;
