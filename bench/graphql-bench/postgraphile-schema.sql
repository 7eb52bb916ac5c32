-- The portal's current release as PostGraphile sees it (bench/graphql-bench).
--
-- Plain SQL views over the portal's own tables, in the portal's own PostgreSQL: PostGraphile reads
-- the same rows as the portal and computes from them on every request (one materialized view,
-- indicator_snapshots, keeps the indicators' progress per release, as the portal does in memory).
--   postgraphile_bench           the schema PostGraphile exposes (views with smart comments for
--                                primary keys and relations, so it builds connections between them)
--   postgraphile_bench_private   helpers it does not expose (the series and per-target progress)
--
-- A row is in the current release while valid_to is null (see db/migration/V1).
--
-- Progress follows docs/methodology.md (ProgressCalculator) in SQL: the plan geography's
-- whole-year totals plus the series the portal computes from achievements, the income tables and
-- the charity registry; the base year, the Open SDG ratio R and its thresholds, the rules per kind
-- of target, the final evaluation, and the headline as the least favourable target. The run script
-- checks that every indicator's latest value, headline status and provenance equal the portal's.

drop schema if exists postgraphile_bench cascade;
drop schema if exists postgraphile_bench_private cascade;
create schema postgraphile_bench;
create schema postgraphile_bench_private;

-- ---- helpers

-- Compound annual growth; a zero is replaced by 0.001; null where the signs differ.
create function postgraphile_bench_private.rate(from_value float8, to_value float8, years integer)
returns float8 language sql immutable as $$
  select case
    when years <= 0 then 0
    when (case when to_value = 0 then 0.001 else to_value end)
         / (case when from_value = 0 then 0.001 else from_value end) < 0 then null
    else power((case when to_value = 0 then 0.001 else to_value end)
               / (case when from_value = 0 then 0.001 else from_value end), 1.0 / years) - 1
  end
$$;

-- The Open SDG thresholds on R.
create function postgraphile_bench_private.by_ratio(r float8)
returns text language sql immutable as $$
  select case when r >= 0.95 then 'ON_TRACK' when r >= 0.60 then 'MODERATE'
              when r >= 0 then 'LIMITED' else 'DETERIORATION' end
$$;

create function postgraphile_bench_private.meets(comparator text, v float8, goal float8)
returns boolean language sql immutable as $$
  select case comparator when 'GE' then v >= goal when 'GT' then v > goal
                         when 'LE' then v <= goal when 'LT' then v < goal else v = goal end
$$;

-- DEMO < SECONDARY < OFFICIAL: the weaker of two provenances (D6). NO_DATA marks a judgement that
-- used no observation: it ranks last, so it counts only when nothing else is there (Provenance.weakest).
create function postgraphile_bench_private.provenance_rank(p text)
returns integer language sql immutable as $$
  select case p when 'DEMO' then 0 when 'SECONDARY' then 1 when 'OFFICIAL' then 2 else 3 end
$$;

create function postgraphile_bench_private.weaker(a text, b text)
returns text language sql immutable as $$
  select case when b is null then a when a is null then b
              when postgraphile_bench_private.provenance_rank(a)
                   <= postgraphile_bench_private.provenance_rank(b) then a else b end
$$;

-- Open SDG's natural-limit correction C for percentages.
create function postgraphile_bench_private.limit_correction(base float8)
returns float8 language sql immutable as $$
  select case when base <= 100 then 1 - power(greatest(base, 0) / 100, 4.44)
              when base < 200 then 1 - power((200 - base) / 100, 4.44) else 1 end
$$;

-- ---- the series: whole calendar years, totals only, of the plan's own geography

create view postgraphile_bench_private.series as
select i.code as indicator, o.period, substr(o.period, 1, 4)::integer as year,
       o.value::float8 as value, o.unit_zh as unit, o.provenance
from indicators i
join plans p on p.code = i.plan and p.valid_to is null
join observations o on o.indicator = i.code and o.geography = p.geography and o.valid_to is null
where i.valid_to is null and o.disaggregation = '_T' and o.period ~ '^[0-9]{4}$'
union all
-- computed from achievements: per year, the sum of the outputs that count toward the indicator,
-- at the weakest provenance of the achievements summed; a year without a report has no value
select ao.indicator, a.year::text, a.year, sum(ao.value)::float8, min(ao.unit_zh),
       case when bool_or(a.provenance = 'DEMO') then 'DEMO'
            when bool_or(a.provenance = 'SECONDARY') then 'SECONDARY' else 'OFFICIAL' end
from achievement_outputs ao
join achievements a on a.code = ao.achievement and a.valid_to is null
join indicators i on i.code = ao.indicator and i.valid_to is null
  and i.computed_from = 'ACHIEVEMENTS'
join plans p on p.code = i.plan and p.valid_to is null
where ao.valid_to is null and ao.counts = 'PROGRESS'
  and a.year between p.period_start - 1 and p.period_end
group by ao.indicator, a.year
union all
-- computed from the income tables: the published counts of the fine brackets that make up a plan
-- bracket, over the published total, of the county row of the township table; a year with any
-- of them withheld has no share
select i.code, t.year::text, t.year, (round(1000.0 * sum(b.count) / t.count) / 10.0)::float8,
       '%', t.provenance
from indicators i
join plans p on p.code = i.plan and p.valid_to is null
join (values ('HOUSEHOLD_INCOME_100K_500K_SHARE', 'FROM_10_TO_20'),
             ('HOUSEHOLD_INCOME_100K_500K_SHARE', 'FROM_20_TO_50'),
             ('HOUSEHOLD_INCOME_200K_600K_SHARE', 'FROM_20_TO_50'),
             ('HOUSEHOLD_INCOME_200K_600K_SHARE', 'FROM_50_TO_60')) pb (indicator, column_code)
  on pb.indicator = i.code
join income_cells t on t.valid_to is null and t.table_name = 'TOWNSHIP' and t.row_code = '_T'
  and t.column_code = '_T' and t.count > 0 and t.year between p.period_start - 1 and p.period_end
left join income_cells b on b.valid_to is null and b.table_name = 'TOWNSHIP' and b.row_code = '_T'
  and b.column_code = pb.column_code and b.year = t.year
where i.valid_to is null and i.computed_from = 'INCOME_TABLES'
group by i.code, t.year, t.count, t.provenance
having count(b.count) = count(*)
union all
-- computed from the charity registry: organizations recognized and not deregistered at year-end
select i.code, y.year::text, y.year,
       (count(*) filter (where c.recognized <= make_date(y.year, 12, 31)
         and (c.deregistered is null or c.deregistered > make_date(y.year, 12, 31))))::float8,
       '家',
       coalesce(
         (array_agg(c.provenance order by postgraphile_bench_private.provenance_rank(c.provenance))
           filter (where c.recognized <= make_date(y.year, 12, 31)
             and (c.deregistered is null or c.deregistered > make_date(y.year, 12, 31))))[1],
         (array_agg(c.provenance
           order by postgraphile_bench_private.provenance_rank(c.provenance)))[1])
from indicators i
join plans p on p.code = i.plan and p.valid_to is null
cross join lateral generate_series(p.period_start - 1, p.period_end) y (year)
join charities c on c.valid_to is null and c.recognized is not null
where i.valid_to is null and i.computed_from = 'CHARITY_REGISTRY'
group by i.code, y.year;

-- ---- progress of every target

create view postgraphile_bench_private.target_progress as
-- Each indicator's series as arrays, read once; every rule then looks at its own few years only.
with by_indicator as (
  select s.indicator, array_agg(s.year order by s.year) as years,
         array_agg(s.value order by s.year) as vals, array_agg(s.provenance order by s.year) as provs,
         array_agg(s.unit order by s.year) as units
  from postgraphile_bench_private.series s group by s.indicator
),
t as (
  select sb.years, sb.vals, sb.provs, sb.units, rb.years as r_years, rb.vals as r_vals,
         rb.provs as r_provs,
         t.code, t.indicator, t.kind, t.comparator, t.value::float8 as goal, t.base_year,
         t.target_year, t.related_indicator, t.unmeasurable_reason_zh is not null as unmeasurable,
         p.period_start as plan_start,
         case when t.comparator in ('LE', 'LT', 'DECREASE') then -1 else 1 end as sign
  from targets t
  join indicators i on i.code = t.indicator and i.valid_to is null
  join plans p on p.code = i.plan and p.valid_to is null
  left join by_indicator sb on sb.indicator = t.indicator
  left join by_indicator rb on rb.indicator = t.related_indicator
  where t.valid_to is null
),
facts as (
  select t.*, n.n, n.s_prov, n.before_value, n.before_prov,
         b.year as b_year, b.value as b_value, b.provenance as b_prov,
         l.year as l_year, l.value as l_value, l.provenance as l_prov, l.unit as l_unit,
         f.year as f_year, f.value as f_value, f.provenance as f_prov,
         c.c_n, c.c_sum, c.c_latest, c.c_prov,
         a.a_n, a.a_worst, a.a_every, a.a_latest, a.a_latest_value, a.a_previous_value, a.a_prov,
         m.m_reached, m.m_prov,
         r.r_from, r.r_to
  from t
  -- n whole years; the weakest provenance of all of them (what an INSUFFICIENT_DATA judgement and
  -- its like rest on, D6); the year before the latest (DYNAMIC_ZERO)
  cross join lateral (
    select coalesce(cardinality(t.years), 0) as n,
           (select (array_agg(p order by postgraphile_bench_private.provenance_rank(p)))[1]
            from unnest(t.provs) p) as s_prov,
           t.vals[cardinality(t.years) - 1] as before_value,
           t.provs[cardinality(t.years) - 1] as before_prov
  ) n
  -- the base: the year before the plan starts if observed, else the first observation
  left join lateral (
    select s.year, s.value, s.provenance
    from unnest(t.years, t.vals, t.provs, t.units) s (year, value, provenance, unit)
    order by s.year >= t.plan_start - 1 desc, s.year limit 1
  ) b on true
  left join lateral (
    select s.year, s.value, s.provenance, s.unit
    from unnest(t.years, t.vals, t.provs, t.units) s (year, value, provenance, unit)
    order by s.year desc limit 1
  ) l on true
  -- the final observation: the target year, else the first one after it
  left join lateral (
    select s.year, s.value, s.provenance
    from unnest(t.years, t.vals, t.provs, t.units) s (year, value, provenance, unit)
    where s.year >= t.target_year order by s.year limit 1
  ) f on true
  -- cumulative counts from the target's base year through the target year
  cross join lateral (
    select count(*) as c_n, sum(s.value) as c_sum, max(s.year) as c_latest,
           (array_agg(s.provenance order by
             postgraphile_bench_private.provenance_rank(s.provenance)))[1] as c_prov
    from unnest(t.years, t.vals, t.provs, t.units) s (year, value, provenance, unit)
    where s.year between coalesce(t.base_year, t.plan_start) and t.target_year
  ) c
  -- yearly counts from the plan's start through the target year
  cross join lateral (
    select count(*) as a_n, min(s.value) as a_worst,
           bool_and(postgraphile_bench_private.meets(t.comparator, s.value, t.goal)) as a_every,
           max(s.year) as a_latest,
           (array_agg(s.value order by s.year desc))[1] as a_latest_value,
           (array_agg(s.value order by s.year desc))[2] as a_previous_value,
           (array_agg(s.provenance order by
             postgraphile_bench_private.provenance_rank(s.provenance)))[1] as a_prov
    from unnest(t.years, t.vals, t.provs, t.units) s (year, value, provenance, unit)
    where s.year between t.plan_start and t.target_year
  ) a
  -- milestones: the first year reached
  left join lateral (
    select s.year as m_reached, s.provenance as m_prov
    from unnest(t.years, t.vals, t.provs, t.units) s (year, value, provenance, unit)
    where s.value >= 1 order by s.year limit 1
  ) m on true
  -- relational: the years both series have
  cross join lateral (
    select coalesce(min(s.year) filter (where s.year >= t.plan_start - 1), min(s.year)) as r_from,
           max(s.year) as r_to
    from unnest(t.years) s (year) join unnest(t.r_years) o (year) on o.year = s.year
  ) r
),
rates as (
  select f.*,
         postgraphile_bench_private.rate(b_value, l_value, l_year - b_year) as observed,
         postgraphile_bench_private.rate(b_value, goal, target_year - b_year) as required,
         postgraphile_bench_private.rate(b_value, coalesce(f_value, l_value),
                                         coalesce(f_year, l_year) - b_year) as observed_to_final,
         ro.own, ro.other, ro.r_prov
  from facts f
  left join lateral (
    select postgraphile_bench_private.rate(f.vals[array_position(f.years, f.r_from)],
             f.vals[array_position(f.years, f.r_to)], f.r_to - f.r_from) as own,
           postgraphile_bench_private.rate(f.r_vals[array_position(f.r_years, f.r_from)],
             f.r_vals[array_position(f.r_years, f.r_to)], f.r_to - f.r_from) as other,
           postgraphile_bench_private.weaker(
             postgraphile_bench_private.weaker(f.provs[array_position(f.years, f.r_from)],
                                               f.provs[array_position(f.years, f.r_to)]),
             postgraphile_bench_private.weaker(f.r_provs[array_position(f.r_years, f.r_from)],
                                               f.r_provs[array_position(f.r_years, f.r_to)]))
             as r_prov
  ) ro on f.kind = 'RELATIONAL' and f.r_to > f.r_from
),
judged as (
select rates.*,
  case
    when unmeasurable then 'NOT_ASSESSABLE'
    when kind in ('LEVEL', 'SHARE', 'FULL_COVERAGE', 'CEILING', 'FLOOR') then case
      when f_year is not null then case
        when postgraphile_bench_private.meets(comparator, f_value, goal) then 'TARGET_ACHIEVED'
        else 'NOT_ACHIEVED' end
      when n < 2 then 'INSUFFICIENT_DATA'
      -- D27: met before the target year is observed: provisional.
      when postgraphile_bench_private.meets(comparator, l_value, goal) then 'ACHIEVED_AHEAD'
      when sign(b_value) * sign(l_value) < 0 then 'INSUFFICIENT_DATA'
      else postgraphile_bench_private.by_ratio(
        case when required = 0 then 0 else sign * observed / abs(required) end) end
    when kind = 'GROWTH_RATE' then case
      when n < 2 or coalesce(f_year, l_year) <= b_year then 'INSUFFICIENT_DATA'
      when f_year is not null then case
        when observed_to_final >= goal / 100 - 1e-9 then 'TARGET_ACHIEVED' else 'NOT_ACHIEVED' end
      -- D27: the target year's value at the required growth already reached: provisional.
      when l_value >= b_value * power(1 + goal / 100, target_year - b_year)
          - 1e-9 * abs(b_value * power(1 + goal / 100, target_year - b_year)) then 'ACHIEVED_AHEAD'
      else postgraphile_bench_private.by_ratio(
        case when goal = 0 then 0 else observed / (goal / 100) end) end
    when kind = 'CUMULATIVE_COUNT' then case
      when c_n = 0 then 'INSUFFICIENT_DATA'
      when postgraphile_bench_private.meets(comparator, c_sum, goal) then 'TARGET_ACHIEVED'
      when c_latest >= target_year then 'NOT_ACHIEVED'
      else postgraphile_bench_private.by_ratio(
        (c_sum / (c_latest - coalesce(base_year, plan_start) + 1))
        / (goal / (target_year - coalesce(base_year, plan_start) + 1))) end
    -- ANNUAL_COUNT (D2, D8): final once the target year is observed (every year met); before, a
    -- shortfall that also fell below the year before is deterioration, else R = latest / goal.
    when kind = 'ANNUAL_COUNT' then case
      when a_n = 0 then 'INSUFFICIENT_DATA'
      when a_latest >= target_year then case when a_every then 'TARGET_ACHIEVED' else 'NOT_ACHIEVED' end
      when not postgraphile_bench_private.meets(comparator, a_latest_value, goal) and a_n > 1
        and a_latest_value < a_previous_value then 'DETERIORATION'
      else postgraphile_bench_private.by_ratio(a_latest_value / goal) end
    -- DYNAMIC_ZERO (D2, D8, D27): zero is final in the target year, provisional before it; not
    -- zero in the target year is final; before, above the year before or the base is deterioration,
    -- else the straight line from the base through the latest value reaching zero by the target
    -- year is on track, and limited if it does not.
    when kind = 'DYNAMIC_ZERO' then case
      when n = 0 then 'INSUFFICIENT_DATA'
      when l_value = 0 then case when l_year >= target_year then 'TARGET_ACHIEVED' else 'ACHIEVED_AHEAD' end
      when l_year >= target_year then 'NOT_ACHIEVED'
      when n < 2 or l_year <= b_year then 'INSUFFICIENT_DATA'
      when l_value > before_value or l_value > b_value then 'DETERIORATION'
      when l_value + (l_value - b_value) / (l_year - b_year) * (target_year - l_year) <= 1e-9
        then 'ON_TRACK'
      else 'LIMITED' end
    when kind = 'MILESTONE' then case
      when n = 0 then 'INSUFFICIENT_DATA'
      when m_reached is not null then 'TARGET_ACHIEVED'
      when l_year >= target_year then 'NOT_ACHIEVED'
      else 'LIMITED' end
    when kind = 'DIRECTION' then case
      when n < 2 or coalesce(f_year, l_year) <= b_year then 'INSUFFICIENT_DATA'
      when f_year is not null then case
        when sign * (f_value - b_value) > 0 then 'TARGET_ACHIEVED' else 'NOT_ACHIEVED' end
      else (select case when ch >= 0.015 * cc then 'ON_TRACK' when ch >= 0.005 * cc then 'MODERATE'
                        when ch >= 0 then 'LIMITED' else 'DETERIORATION' end
            from (select sign * observed as ch,
                         case when l_unit = '%'
                              then postgraphile_bench_private.limit_correction(b_value)
                              else 1 end as cc) d) end
    -- RELATIONAL (D2): EQ is 基本同步, "roughly in step": the gap of annual growth A − B at or above
    -- −0.5 pp is in step, unless A falls while B rises; not in step but at or above −2 pp (and not
    -- falling while rising) is limited, else deterioration; final once the target year is observed
    -- (D8). Otherwise 不低于, "not lower than": A − B at or above 0.
    when kind = 'RELATIONAL' then case
      when own is null or other is null then 'INSUFFICIENT_DATA'
      when comparator = 'EQ' then case
        when not (own < 0 and other > 0) and own - other >= -0.005 - 1e-9 then
          case when r_to >= target_year then 'TARGET_ACHIEVED' else 'ON_TRACK' end
        when r_to >= target_year then 'NOT_ACHIEVED'
        when not (own < 0 and other > 0) and own - other >= -0.02 - 1e-9 then 'LIMITED'
        else 'DETERIORATION' end
      when r_to >= target_year then case
        when own - other >= -1e-9 then 'TARGET_ACHIEVED' else 'NOT_ACHIEVED' end
      when own - other >= -1e-9 then 'ON_TRACK'
      else postgraphile_bench_private.by_ratio(
        case when other <= 0 then case when own >= other then 1 else -1 end else own / other end) end
    else 'INSUFFICIENT_DATA'
  end as status
from rates
)
-- The provenance of a judgement is the weakest of the observations it used (D6), NO_DATA when it
-- used none: all whole years when there are too few to judge; the base and the latest (or final)
-- value for a rate; the final value alone once the target year is observed for a level; the counted
-- years for counts; both ends of both series for a relation.
select code, indicator, kind, status,
  coalesce(case
    when unmeasurable then 'NO_DATA'
    when kind in ('LEVEL', 'SHARE', 'FULL_COVERAGE', 'CEILING', 'FLOOR') then case
      when f_year is not null then f_prov
      when n < 2 then s_prov
      else postgraphile_bench_private.weaker(b_prov, l_prov) end
    when kind in ('GROWTH_RATE', 'DIRECTION') then case
      when status = 'INSUFFICIENT_DATA' then s_prov
      else postgraphile_bench_private.weaker(b_prov, coalesce(f_prov, l_prov)) end
    when kind = 'CUMULATIVE_COUNT' then case when c_n = 0 then s_prov else c_prov end
    when kind = 'ANNUAL_COUNT' then case when a_n = 0 then s_prov else a_prov end
    when kind = 'DYNAMIC_ZERO' then case
      when n = 0 then null
      when l_value = 0 or l_year >= target_year then l_prov
      when status = 'INSUFFICIENT_DATA' then s_prov
      else postgraphile_bench_private.weaker(
        postgraphile_bench_private.weaker(b_prov, before_prov), l_prov) end
    when kind = 'MILESTONE' then case when n = 0 then null else coalesce(m_prov, l_prov) end
    when kind = 'RELATIONAL' then case
      when status = 'INSUFFICIENT_DATA' then s_prov else r_prov end
    else s_prov
  end, 'NO_DATA') as provenance
from judged;

-- ---- what PostGraphile exposes

-- Indicators with their latest whole-year value and their headline progress: the least
-- favourable of their targets, in the order NOT_ACHIEVED … ACHIEVED_AHEAD, TARGET_ACHIEVED; INSUFFICIENT_DATA
-- and NOT_ASSESSABLE only when no target can be judged (D2, D27); the weakest provenance among
-- them, NO_DATA only when none used an observation (D6, ReleaseProgress.headline).
create view postgraphile_bench.indicators as
with latest as (
  select distinct on (s.indicator) s.indicator, s.period, s.value, s.unit, s.provenance
  from postgraphile_bench_private.series s order by s.indicator, s.year desc
),
headline as (
  select tp.indicator,
         coalesce(
           (array_agg(tp.status order by array_position(array['NOT_ACHIEVED', 'DETERIORATION',
              'LIMITED', 'MODERATE', 'ON_TRACK', 'ACHIEVED_AHEAD', 'TARGET_ACHIEVED'], tp.status))
             filter (where tp.status not in ('INSUFFICIENT_DATA', 'NOT_ASSESSABLE')))[1],
           case when bool_or(tp.status = 'INSUFFICIENT_DATA') then 'INSUFFICIENT_DATA'
                else 'NOT_ASSESSABLE' end) as status,
         (array_agg(tp.provenance order by
            postgraphile_bench_private.provenance_rank(tp.provenance)))[1] as provenance
  from postgraphile_bench_private.target_progress tp
  group by tp.indicator
)
select i.code, i.plan, i.seq, i.name_zh, i.name_en, i.unit_zh, i.unit_en, i.frequency, i.area,
       i.measure,
       l.period as latest_period, l.value as latest_value, l.unit as latest_unit,
       l.provenance as latest_provenance,
       h.status as progress_status, h.provenance as progress_provenance
from indicators i
left join latest l on l.indicator = i.code
left join headline h on h.indicator = i.code
where i.valid_to is null;
comment on view postgraphile_bench.indicators is E'@primaryKey code';

-- The same rows computed once per release, as the portal computes progress once per release and
-- keeps it in memory: a materialized view, refreshed after every import (the run script creates it
-- after the portal has imported its data).
create materialized view postgraphile_bench.indicator_snapshots as
select * from postgraphile_bench.indicators;
create unique index on postgraphile_bench.indicator_snapshots (code);
create index on postgraphile_bench.indicator_snapshots (seq);
comment on materialized view postgraphile_bench.indicator_snapshots is E'@primaryKey code';

create view postgraphile_bench.target_groups as
select plan, code, seq, title_zh, title_en, group_zh, group_en
from target_groups where valid_to is null;
comment on view postgraphile_bench.target_groups is E'@primaryKey plan,code';

create view postgraphile_bench.departments as
select code, name_zh, name_en, full_name_zh, kind from departments where valid_to is null;
comment on view postgraphile_bench.departments is E'@primaryKey code';

create view postgraphile_bench.measures as
select plan, code, kind, number, section, target_group, title_zh, title_en, summary_en
from measures where valid_to is null;
comment on view postgraphile_bench.measures is
  E'@primaryKey plan,code\n@foreignKey (plan, target_group) references postgraphile_bench.target_groups (plan, code)';

-- The deprecated role as the portal answers it (D16, PlanRepository): the data package no longer
-- carries one, so it is the guess from the document's order, LEAD for the first listed unit.
create view postgraphile_bench.measure_departments as
select plan, measure, seq, department,
       case when seq = 1 then 'LEAD' else 'SUPPORT' end as role
from measure_departments where valid_to is null;
comment on view postgraphile_bench.measure_departments is
  E'@primaryKey plan,measure,seq\n@foreignKey (plan, measure) references postgraphile_bench.measures (plan, code)\n@foreignKey (department) references postgraphile_bench.departments (code)';

-- The achievements that name a department (its scorecard's list in the portal).
create view postgraphile_bench.department_achievements as
select ad.department, a.code as achievement, a.year, a.date, a.title_zh, a.title_en, a.provenance
from achievement_departments ad
join achievements a on a.code = ad.achievement and a.valid_to is null
where ad.valid_to is null;
comment on view postgraphile_bench.department_achievements is
  E'@primaryKey department,achievement\n@foreignKey (department) references postgraphile_bench.departments (code)';

-- PostGraphile logs in as the portal's read-only API role, as the portal's API does.
grant usage on schema postgraphile_bench, postgraphile_bench_private to portal_read;
grant select on all tables in schema postgraphile_bench, postgraphile_bench_private to portal_read;
grant execute on all functions in schema postgraphile_bench_private to portal_read;
