-- Data quality "đúng, đủ, sạch, sống" (docs/adr/0016): rules as data, runs, scores per unit, one issue per record
-- and rule, and the corrections queue.

create table quality_rule (
  code        text primary key,
  dataset     text not null check (dataset in ('APPLICANTS', 'DOSSIERS', 'PROCEDURES', 'AGENCIES')),
  field       text not null,
  dimension   text not null check (dimension in ('correct', 'complete', 'clean', 'live')),
  severity    text not null default 'MAJOR' check (severity in ('CRITICAL', 'MAJOR', 'MINOR')),
  description text not null,
  enabled     boolean not null default true,
  unique (dataset, dimension)
);

insert into quality_rule (code, dataset, field, dimension, severity, description) values
  ('APPLICANT_REGISTRY_MATCH', 'APPLICANTS', 'idNumber', 'correct', 'CRITICAL',
   'Số định danh, họ tên và ngày sinh khớp Cơ sở dữ liệu quốc gia về dân cư'),
  ('APPLICANT_CONTACT', 'APPLICANTS', 'phone', 'complete', 'MAJOR',
   'Có số điện thoại hoặc thư điện tử để liên hệ'),
  ('APPLICANT_ONE_PERSON', 'APPLICANTS', 'fullName', 'clean', 'MAJOR',
   'Mọi hồ sơ của một số định danh ghi cùng một người (họ tên, ngày sinh); số định danh, mã số thuế, điện thoại đúng định dạng'),
  ('APPLICANT_VERIFIED_RECENTLY', 'APPLICANTS', 'idNumber', 'live', 'MINOR',
   'Đã đối chiếu với Cơ sở dữ liệu dân cư trong 365 ngày qua'),
  ('DOSSIER_IDENTITY', 'DOSSIERS', 'applicant', 'correct', 'MAJOR',
   'Người nộp là công dân đã xác thực (VNeID mức 2 hoặc khớp CSDL dân cư)'),
  ('DOSSIER_REQUIRED', 'DOSSIERS', 'applicant', 'complete', 'MAJOR',
   'Có tên và số giấy tờ của người nộp; hồ sơ đã tiếp nhận có ngày hẹn trả'),
  ('DOSSIER_DATES_AND_UNIT', 'DOSSIERS', 'dates', 'clean', 'CRITICAL',
   'Các mốc thời gian đúng thứ tự; đơn vị giải quyết còn hiệu lực vào ngày tiếp nhận'),
  ('DOSSIER_NOT_STALE', 'DOSSIERS', 'status', 'live', 'MAJOR',
   'Hồ sơ đang giải quyết được cập nhật: không quá hạn quá 90 ngày mà không có kết quả'),
  ('PROCEDURE_PUBLISHED_PARTS', 'PROCEDURES', 'publication', 'complete', 'MAJOR',
   'Thủ tục công bố có đủ trình tự, cách thức, thành phần hồ sơ, thời hạn, đối tượng'),
  ('PROCEDURE_NATIONAL_CODE', 'PROCEDURES', 'code', 'correct', 'MAJOR',
   'Mã thủ tục theo Cơ sở dữ liệu quốc gia về TTHC, hoặc đã ánh xạ sang mã quốc gia'),
  ('PROCEDURE_NAME', 'PROCEDURES', 'name', 'clean', 'MINOR',
   'Tên thủ tục không có khoảng trắng thừa, đủ dài để hiểu'),
  ('AGENCY_IDENTIFIER', 'AGENCIES', 'identifier', 'clean', 'MAJOR',
   'Mã định danh điện tử của cơ quan đúng định dạng (000.00.00.H12) và không trùng');

create table quality_run (
  id           bigserial primary key,
  status       text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
  started_at   timestamptz not null,
  finished_at  timestamptz,
  requested_by text not null,
  failure      text
);
-- one run at a time, whichever instance asked
create unique index quality_run_running_idx on quality_run ((true)) where status = 'RUNNING';

-- unit_code '' holds records without a unit; dimension 'records' holds how many records a dataset has
create table quality_score (
  run_id    bigint not null references quality_run (id),
  dataset   text not null,
  dimension text not null,
  unit_code text not null,
  checked   bigint not null,
  passed    bigint not null,
  primary key (run_id, dataset, dimension, unit_code)
);

create table quality_issue (
  id              bigserial primary key,
  dataset         text not null,
  record_key      text not null,
  rule            text not null references quality_rule (code),
  field           text not null,
  dimension       text not null,
  unit_code       text not null,
  status          text not null check (status in ('OPEN', 'CORRECTED', 'DISMISSED')),
  record_hash     text not null,
  first_run       bigint not null,
  last_run        bigint not null,
  resolved_at     timestamptz,
  resolved_by     text,
  resolution_note text,
  unique (dataset, record_key, rule)
);
create index quality_issue_open_idx on quality_issue (dataset, dimension, status);
create index quality_issue_unit_idx on quality_issue (unit_code);
