-- A member account merged into another (the same person enrolled twice): it keeps its identity, so that
-- events naming it find the surviving member.
alter table member add column merged_into varchar(36);
alter table member add column merged_at timestamp with time zone;
