-- Organization-to-organization grants, shaped like 360Giving: the recipient is always an
-- organization, never a person.

create table charity_grants (
  id text not null, funder text not null, recipient_id text not null, recipient_name_zh text not null,
  recipient_name_en text, recipient_charity text, title_zh text not null, title_en text,
  description_zh text not null, description_en text, amount numeric not null,
  currency text not null, award_date date not null, field text,
  provenance text not null, source text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (id, valid_from)
);

-- Achievements reported for the plan's measures: what was delivered, by whom, with evidence.
-- Outputs linked to an indicator count toward its measure-level targets (counts = PROGRESS) or
-- are shown beside them only (counts = CONTEXT).

create table achievements (
  code text not null, year integer not null, date date not null,
  title_zh text not null, title_en text, summary_zh text not null, summary_en text,
  provenance text not null, source text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (code, valid_from)
);

create table achievement_measures (
  achievement text not null, plan text not null, measure text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (achievement, plan, measure, valid_from)
);

create table achievement_departments (
  achievement text not null, department text not null,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (achievement, department, valid_from)
);

create table achievement_outputs (
  achievement text not null, seq integer not null, metric_zh text not null, metric_en text,
  comparator text not null, value numeric not null, unit_zh text not null, unit_en text,
  indicator text, counts text,
  valid_from integer not null references release, valid_to integer references release,
  row_hash text not null, primary key (achievement, seq, valid_from)
);

-- Donations as the charities record them, donor by donor: private microdata (decision D11). The
-- API role reads them only through donation_aggregates, which counts and sums per charity, year
-- and field and returns no total for fewer than 10 donors.

create table private.charity_donation_records (
  id text not null, charity text not null, date date not null, donor text not null,
  amount numeric not null, field text not null, provenance text not null, source text not null,
  valid_from integer not null references public.release, valid_to integer references public.release,
  row_hash text not null, primary key (id, valid_from)
);

create function public.donation_aggregates(release_number integer)
returns table (charity text, year integer, field text, donors integer, total numeric,
               provenance text, source text)
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
  select d.charity, extract(year from d.date)::integer, d.field,
         count(distinct d.donor)::integer,
         case when count(distinct d.donor) >= 10 then sum(d.amount) end,
         case when bool_or(d.provenance = 'DEMO') then 'DEMO'
              when bool_or(d.provenance = 'SECONDARY') then 'SECONDARY' else 'OFFICIAL' end,
         min(d.source)
  from private.charity_donation_records d
  where d.valid_from <= release_number and (d.valid_to is null or d.valid_to > release_number)
  group by d.charity, extract(year from d.date), d.field
$$;

revoke all on function public.donation_aggregates(integer) from public;
grant execute on function public.donation_aggregates(integer) to portal_read;
