-- Staff accounts (tài khoản cán bộ) and their roles in units. Passwords are Argon2id hashes.
create table staff_account (
  username      text primary key check (username ~ '^[a-z0-9._-]{3,64}$'),
  full_name     text not null,
  unit_code     text references agency (code),
  password_hash text,
  totp_secret   text,
  enabled       boolean not null default true,
  demo          boolean not null default false,
  created_at    timestamptz not null
);

create table staff_role (
  username text not null references staff_account (username) on delete cascade,
  role     text not null check (role in ('ADMIN', 'ONE_STOP_OFFICER', 'SPECIALIST', 'DEPARTMENT_LEADER',
                                         'PROVINCE_LEADER', 'CITIZEN')),
  primary key (username, role)
);

-- Failed sign-ins, kept a day; ten within fifteen minutes lock the account for fifteen minutes.
create table sign_in_failure (
  username text not null,
  at       timestamptz not null
);
create index sign_in_failure_idx on sign_in_failure (username, at);

create table account_lock (
  username     text primary key,
  locked_until timestamptz not null
);

-- The signing key of API tokens in demo mode, shared by instances on the same database.
-- Production reads MOTCUA_TOKEN_SECRET instead and never uses this table.
create table token_signing_key (
  id     int primary key check (id = 1),
  secret text not null
);
