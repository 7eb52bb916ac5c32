-- Charity organizations and their yearly finances (same temporal columns as every data table),
-- and indicators whose values are computed from a registry instead of being typed in.

create table charities (
  code text not null, credit_code text, name_zh text not null, name_en text,
  registration_authority text, registered date, recognized date, public_fundraising boolean,
  tax_deductible boolean, fields text, overseas_chinese boolean, website text, address text,
  status text not null, deregistered date, provenance text not null, source text not null,
  note_zh text, note_en text,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (code, valid_from)
);

create table charity_finances (
  charity text not null, year integer not null, donation_income numeric,
  programme_spending numeric, admin_cost numeric, beneficiaries integer,
  provenance text not null, source text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (charity, year, valid_from)
);

alter table indicators add column computed_from text;
