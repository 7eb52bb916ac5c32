-- Mean and median household income per township and year, after disclosure control (rounded
-- values, or the reason a figure is withheld). Derived at import like income_cells.
create table income_statistics (
  year integer not null, row_code text not null, statistic text not null, value bigint,
  reason text, provenance text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (year, row_code, statistic, valid_from)
);
