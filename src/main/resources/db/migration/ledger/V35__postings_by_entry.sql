-- Postings were indexed by (programme, account, member), a key no query looks up: the audit reads a
-- programme's postings by entry, the liability report joins them to their entries. Keyed by entry, whose
-- ids are time-ordered, every posting lands at the index's right edge instead of on a random page
-- (issue #3: one random index descent, and the full-page images that follow a checkpoint, fewer per event).
drop index posting_by_account;
create index posting_by_entry on posting (program_id, entry_id);
