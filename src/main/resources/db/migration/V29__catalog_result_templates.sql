-- Mẫu kết quả: the text of a case's result with placeholders the dossier fills (ResultTemplate); the deciding unit
-- drafts the result from it instead of uploading a file.
alter table procedure_case
  add column result_title text check (length(result_title) <= 200),
  add column result_body text check (length(result_body) <= 4000);
