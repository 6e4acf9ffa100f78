-- A window counted from fulfilment starts at the latest this many days after payment (issue #4):
-- points never wait for an order.fulfilled that does not come. Null: they wait for it.
alter table programme add column return_window_fulfilled_within integer;
alter table store add column return_window_fulfilled_within integer;
