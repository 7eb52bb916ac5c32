-- The privacy budget a table spent in the differential-privacy mode (0 under disclosure control).
alter table disclosure_reports add column epsilon numeric not null default 0;
