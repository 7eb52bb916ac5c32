-- When each release was committed to this database (D19): HTTP Last-Modified, the feeds and the
-- catalogue's dct:modified say when the content changed here, not the date its package states
-- (published_at, from the package's `created`, which a corrected package may keep). Whole seconds,
-- one release to a second at least: Last-Modified and If-Modified-Since speak in seconds, and two
-- releases within one second would look unchanged to a client revalidating by date.
alter table release add column committed_at timestamptz;

-- Releases committed before this column existed: when is not known. The migration's own time is
-- the earliest this database can vouch for, and it lies after every date a client may hold from
-- before (those came from published_at); earlier releases one second apart, by number.
update release
set committed_at = greatest(
      date_trunc('second', now()),
      date_trunc('second', (select max(published_at) from release)) + interval '1 second')
    - ((select max(id) from release) - id) * interval '1 second';

alter table release alter column committed_at set default date_trunc('second', now());
alter table release alter column committed_at set not null;

-- Every new release: the commit's time, in whole seconds, and at least one second after the
-- release before it (an operator's clock set back, or two imports within one second).
create function release_committed_at() returns trigger language plpgsql as $$
begin
  new.committed_at := greatest(
    date_trunc('second', now()),
    (select max(committed_at) from release) + interval '1 second');
  return new;
end
$$;

create trigger release_committed_at before insert on release
  for each row execute function release_committed_at();
