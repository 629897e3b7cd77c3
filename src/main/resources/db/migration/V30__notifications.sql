-- Thông báo: messages to applicants and staff, written to this outbox in the transaction of the change that
-- causes them and sent afterwards by a worker of any instance (docs/adr/0011).
create table notification (
  id              uuid primary key,
  -- the order messages were written in, for lists: many share one transaction's time
  seq             bigint generated always as identity unique,
  -- one message per cause and channel: a repeated event cannot enqueue it twice
  dedupe_key      text not null unique,
  dossier_code    text references dossier (code),
  audience        text not null check (audience in ('APPLICANT', 'STAFF')),
  event           text not null,
  channel         text not null check (channel in ('EMAIL', 'SMS', 'ZALO')),
  recipient       text not null,
  language        text not null check (language in ('vi', 'en')),
  template_version int not null,
  subject         text,
  body            text not null,
  status          text not null check (status in ('PENDING', 'SENT', 'FAILED')),
  attempts        int not null default 0,
  next_attempt_at timestamptz not null,
  -- retries go on until this plus the give-up time; a resend by an administrator starts it again
  retry_since     timestamptz not null,
  lease_until     timestamptz,
  created_at      timestamptz not null,
  sent_at         timestamptz,
  last_error      text,
  provider_id     text,
  check ((status = 'SENT') = (sent_at is not null))
);
create index notification_due_idx on notification (next_attempt_at) where status = 'PENDING';
create index notification_dossier_idx on notification (dossier_code, created_at);
create index notification_failed_idx on notification (created_at) where status = 'FAILED';

-- Mẫu thông báo: the text of each message, per event, channel and language, versioned: an edit adds a version,
-- the newest is used, the older ones stay to show what was sent. Placeholders are written ((name)).
create table notification_template (
  event      text not null,
  channel    text not null check (channel in ('EMAIL', 'SMS', 'ZALO')),
  language   text not null check (language in ('vi', 'en')),
  version    int not null check (version >= 1),
  subject    text,
  body       text not null check (length(body) between 1 and 4000),
  created_at timestamptz not null,
  created_by text not null,
  primary key (event, channel, language, version)
);

-- A citizen's own choice of channels and language, and contact details used when a dossier carries none.
create table notification_preference (
  id_number  text primary key check (id_number ~ '^[0-9]{12}$'),
  channels   text[] not null,
  language   text not null check (language in ('vi', 'en')),
  email      text,
  phone      text,
  updated_at timestamptz not null
);

-- Staff are told of consultations and get a morning digest: they need an address.
alter table staff_account add column email text;
alter table staff_account add column phone text;
alter table staff_account add column digest boolean not null default true;

-- The bundled sandboxes' mailboxes (demo mode only): what the "SMTP server", the "SMS gateway" and "Zalo"
-- accepted, and whether each is in an outage, shared by the instances on this database.
create table sandbox_message (
  id         bigserial primary key,
  system     text not null check (system in ('MAIL', 'SMS', 'ZALO')),
  recipient  text not null,
  subject    text,
  body       text not null,
  request_id text,
  at         timestamptz not null
);
create index sandbox_message_idx on sandbox_message (system, recipient, id desc);
create unique index sandbox_message_request_idx on sandbox_message (system, request_id) where request_id is not null;

create table sandbox_outage (
  system text primary key,
  mode   text not null check (mode in ('NONE', 'DOWN'))
);
