-- The document lists each measure's units without ranking them: the data package no longer carries
-- the guessed role (LEAD for the first listed), and the API computes its deprecated role from the
-- position. Rows of earlier releases keep the role they were published with.

alter table measure_departments alter column role drop not null;
