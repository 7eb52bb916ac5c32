-- Household microdata: private (decision D11). Only the disclosure step of an import reads it.

create table private.household_microdata (
  id text not null, township text not null, year integer not null, size integer not null,
  urban boolean not null, income numeric not null, low_income_farm boolean not null,
  dibao boolean not null, qiaojuan boolean not null, provenance text not null,
  valid_from integer not null references public.release, valid_to integer references public.release,
  row_hash text not null, primary key (id, year, valid_from)
);

-- What the disclosure step publishes: rounded counts or the reason a cell is withheld, and a
-- report per table. Derived at import, in the same transaction as the release.

create table income_cells (
  year integer not null, table_name text not null, row_code text not null,
  column_code text not null, count integer, reason text, provenance text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (year, table_name, row_code, column_code, valid_from)
);

create table disclosure_reports (
  year integer not null, table_name text not null, entries integer not null,
  published integer not null, primary_suppressed integer not null,
  secondary_suppressed integer not null, audit_passed boolean not null, rules text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (year, table_name, valid_from)
);
