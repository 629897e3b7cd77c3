-- Who must sign a case's result (BatBuocKySoKetQua with the signer named): a department leader of the deciding
-- unit or above (the default process), or a leader of the provincial People's Committee. Null: no requirement.
alter table procedure_case add column result_signer text
  check (result_signer in ('DEPARTMENT_LEADER', 'PROVINCE_LEADER'));
