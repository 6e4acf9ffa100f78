-- The points lifecycle of a programme (issue #4): every column has the default that keeps today's
-- behaviour (points available at once, never expiring, no debt, no transfers).
alter table programme add column return_window_days integer;
alter table programme add column return_window_from varchar(10);
alter table programme add column expiry_policy varchar(20) default 'none' not null;
alter table programme add column expiry_months integer;
alter table programme add column expiry_date varchar(5);
alter table programme add column expiry_years_after integer;
-- 0: no debt (a clawback takes only what is available); N: the available balance may go down to -N.
alter table programme add column debt_limit bigint default 0 not null;
alter table programme add column cost_per_point varchar(20);
alter table programme add column cost_currency char(3);
alter table programme add column transfers_enabled boolean default false not null;
alter table programme add column transfer_max_points bigint;
alter table programme add column transfer_max_sent_month bigint;
alter table programme add column transfer_max_received_month bigint;

-- A store's own return window; null: the programme's applies; 0 days: none for this store.
alter table store add column return_window_days integer;
alter table store add column return_window_from varchar(10);
