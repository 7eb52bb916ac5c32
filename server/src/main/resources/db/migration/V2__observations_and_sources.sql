-- Observations with provenance and source, geographies, and the reason a target cannot be assessed.
-- Same temporal columns as every data table (see V1).

create table geographies (
  code text not null, name_zh text not null, name_en text, level text not null, parent text,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (code, valid_from)
);

create table sources (
  code text not null, title text not null, publisher text not null, url text, published date,
  accessed date, note_en text,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (code, valid_from)
);

create table observations (
  indicator text not null, geography text not null, period text not null,
  disaggregation text not null, value numeric not null, unit_zh text not null,
  status text not null, provenance text not null, source text not null, footnote_zh text,
  footnote_en text,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (indicator, geography, period, disaggregation, valid_from)
);

create index on observations (indicator, valid_from);

alter table targets add column unmeasurable_reason_zh text, add column unmeasurable_reason_en text;
