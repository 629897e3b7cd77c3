-- A staff member's tokens and sessions carry the version of their credentials; disabling the account,
-- resetting its password or two-factor, or changing its roles or unit raises it, so what was issued before
-- stops working within seconds on every instance.
alter table staff_account add column credentials_version int not null default 0;

-- Each sign-in attempt is counted before its password is checked (a row per attempt, removed when the
-- attempt turns out right), so concurrent guesses cannot pass the lockout limit.
alter table sign_in_failure add column id bigserial primary key;
