-- Citizen and business accounts (tài khoản công dân, doanh nghiệp), created at the first e-ID sign-in.
-- The user name is the 12-digit personal ID number (số định danh cá nhân), as VNeID presents it.
create table citizen_account (
  id_number         text primary key check (id_number ~ '^[0-9]{12}$'),
  full_name         text not null,
  date_of_birth     date,
  assurance_level   smallint not null check (assurance_level in (1, 2)),
  business_tax_code text,
  business_name     text,
  issuer            text not null,
  subject           text not null,
  first_sign_in     timestamptz not null,
  last_sign_in      timestamptz not null,
  unique (issuer, subject)
);
