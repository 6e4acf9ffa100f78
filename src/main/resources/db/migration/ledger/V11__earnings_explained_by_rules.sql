-- An earning names the rules (and their versions) that produced its points, as JSON: each rule's
-- points and why it applied. Null for entries that no rule produced (adjustments, spends, clawbacks).
alter table journal_entry add column explanation text;
