-- The descriptors (Table Schema, titles) of every table a release was imported with, private and
-- derived ones included, so its downloads and a rollback can read the release back as it was.
-- Null for releases published before downloads existed.
alter table release add column resources jsonb;
