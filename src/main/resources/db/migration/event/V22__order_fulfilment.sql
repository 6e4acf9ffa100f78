-- When the store said the order was fulfilled (order.fulfilled): a return window may count from it.
alter table store_order add column fulfilled_at timestamp with time zone;
