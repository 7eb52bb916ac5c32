-- A DEMO label travels with every value (decision D25): the rows of an achievement's outputs,
-- measures and departments carry the achievement's provenance (the gate's AchievementProvenance
-- step), and the disclosure report's rows that of the microdata. Rows of earlier releases keep
-- none: their stored descriptors do not list the column, so their downloads stay as published.

alter table achievement_outputs add column provenance text;
alter table achievement_measures add column provenance text;
alter table achievement_departments add column provenance text;
alter table disclosure_reports add column provenance text;
