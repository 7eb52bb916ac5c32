-- Releases (decision D4) and the plan structure tables of the "qingtian" data package.
-- Every data table mirrors one data package resource (same column names) and adds:
--   valid_from  the release that added this version of the row
--   valid_to    the first release that no longer has it (null while it is current)
--   row_hash    a hash of the row's values, to tell changed rows from unchanged ones
-- A row belongs to release R when valid_from <= R and (valid_to is null or valid_to > R), so every
-- published release can be read back exactly.

create table release (
  id            integer primary key,
  version       text        not null unique,
  published_at  timestamptz not null,
  content_hash  text        not null,
  package_name  text        not null,
  note          text,
  changes       jsonb       not null
);

create table plans (
  code text not null, title_zh text not null, title_en text, doc_number text, issuers_zh text,
  issuers_en text, issue_date date, period_start integer not null, period_end integer not null,
  level text not null, geography text not null, document text,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (code, valid_from)
);

create table plan_links (
  plan text not null, parent text not null, seq integer not null, relation text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (plan, parent, valid_from)
);

create table principles (
  plan text not null, seq integer not null, title_zh text not null, title_en text,
  text_zh text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (plan, seq, valid_from)
);

create table areas (
  plan text not null, code text not null, seq integer not null, title_zh text not null,
  title_en text, text_zh text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (plan, code, valid_from)
);

create table sections (
  plan text not null, code text not null, seq integer not null, title_zh text not null,
  title_en text, intro_zh text,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (plan, code, valid_from)
);

create table target_groups (
  plan text not null, code text not null, seq integer not null, title_zh text not null,
  title_en text, group_zh text not null, group_en text,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (plan, code, valid_from)
);

create table departments (
  code text not null, name_zh text not null, name_en text, full_name_zh text, kind text not null,
  aliases_zh text,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (code, valid_from)
);

create table measures (
  plan text not null, code text not null, kind text not null, number integer not null,
  section text, target_group text, title_zh text not null, title_en text, summary_en text,
  text_zh text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (plan, code, valid_from)
);

create table measure_departments (
  plan text not null, measure text not null, seq integer not null, department text not null,
  role text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (plan, measure, seq, valid_from)
);

create table indicators (
  code text not null, plan text not null, seq integer not null, name_zh text not null,
  name_en text, definition_zh text not null, definition_en text, scope_zh text,
  unit_zh text not null, unit_en text, frequency text not null, statistical_unit text,
  area text, measure text,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (code, valid_from)
);

create table targets (
  code text not null, indicator text not null, seq integer not null, kind text not null,
  comparator text not null, value numeric, unit_zh text, unit_en text, base_year integer,
  target_year integer not null, related_indicator text, text_zh text not null, text_en text,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (code, valid_from)
);

create table target_quotes (
  target text not null, seq integer not null, plan text not null, area text, measure text,
  quote_zh text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (target, seq, valid_from)
);

create index on measure_departments (department, valid_from);
create index on indicators (plan, valid_from);
create index on targets (indicator, valid_from);
create index on target_quotes (target, valid_from);

-- Decision D11: the API reads through a role that can read the public tables and nothing else.
-- Private microdata (a later migration) goes into the "private" schema, which that role cannot use.
create schema private;
revoke all on schema private from public;

do $$
begin
  if not exists (select from pg_roles where rolname = 'portal_read') then
    create role portal_read nologin;
  end if;
  if not exists (select from pg_roles where rolname = 'portal_api') then
    create role portal_api login in role portal_read;
  end if;
end
$$;

grant usage on schema public to portal_read;
grant select on all tables in schema public to portal_read;
revoke select on flyway_schema_history from portal_read;
alter default privileges in schema public grant select on tables to portal_read;
