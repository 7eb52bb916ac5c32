-- Issue 21, finding 12: the read-only API login could block every import (it could take the
-- import's advisory lock) and could create temporary tables and large objects.

-- Imports and rollbacks serialize on this table, locked IN EXCLUSIVE MODE for their transaction
-- (ImportLock). Advisory locks cannot be revoked; this one the API's roles cannot take: they have no
-- privilege on the private schema, and only a role that may update a table can lock it that way.
create table private.import_lock ();
comment on table private.import_lock is
  'Locked IN EXCLUSIVE MODE by each import and rollback for its transaction: one at a time.';

-- No temporary tables for anyone but the owner (the login that runs the migrations). A managed
-- server may not let the owner revoke a right of PUBLIC on the database: then it stays open, with a
-- warning in the migration's output (docs/operations.md says what stays open).
do $$
begin
  execute format('revoke temporary on database %I from public', current_database());
  execute format('revoke temporary on database %I from portal_read, portal_api',
                 current_database());
  execute format('grant temporary on database %I to %I', current_database(), current_user);
exception when insufficient_privilege then
  raise warning 'cannot revoke TEMPORARY on database % from PUBLIC: % (the API login can still create temporary tables)',
    current_database(), sqlerrm;
end
$$;

-- No large objects for anyone but the owner: revoke the functions that create them (the driver's
-- large object API calls the same functions). Only the functions' owner (the bootstrap superuser)
-- may revoke; elsewhere each stays open, with a warning.
do $$
declare
  fn regprocedure;
begin
  foreach fn in array array[
      'pg_catalog.lo_creat(integer)',
      'pg_catalog.lo_create(oid)',
      'pg_catalog.lo_from_bytea(oid, bytea)',
      'pg_catalog.lo_import(text)',
      'pg_catalog.lo_import(text, oid)']::regprocedure[]
  loop
    begin
      execute format('revoke execute on function %s from public', fn);
      execute format('grant execute on function %s to %I', fn, current_user);
    exception when insufficient_privilege then
      raise warning 'cannot revoke EXECUTE on % from PUBLIC: % (the API login can still create large objects)',
        fn, sqlerrm;
    end;
  end loop;
end
$$;
