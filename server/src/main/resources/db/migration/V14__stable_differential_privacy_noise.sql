-- Differential-privacy noise that changes only when the data behind a cell change (decision D18,
-- issue 21 finding 7). Each cell's noise is drawn from HMAC-SHA256(secret, cell identity and a hash
-- of its contributing microdata rows), so re-importing the same microdata publishes the same noisy
-- cells and spends no new budget. The secret is made once per database from PostgreSQL's strong
-- random source (two version-4 UUIDs: 244 random bits) and kept in the private schema, which the
-- API login cannot read; it never leaves the database except into the importing process.
create table private.disclosure_secret (
  name text primary key,
  secret bytea not null check (length(secret) >= 32)
);

insert into private.disclosure_secret (name, secret)
values (
  'dp-noise',
  decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex')
);

-- The privacy ledger: epsilon stays what this release spent on the table (0 when every cell's
-- noise was reused); epsilon_to_date is what the table and year has spent over all releases; noise
-- identifies the draws (a digest of the keyed seeds, which says nothing without the secret), so the
-- next release can tell reused noise from a new draw. Rows written before this migration have
-- neither.
alter table disclosure_reports add column epsilon_to_date numeric, add column noise text;
