-- Donations from individuals, aggregated per charity, year and field. No donor is ever named;
-- the API withholds the figures of an aggregate of fewer than 10 donors.

create table charity_donations (
  charity text not null, year integer not null, field text not null, donors integer not null,
  total numeric not null, provenance text not null, source text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (charity, year, field, valid_from)
);
