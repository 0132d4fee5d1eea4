-- Up Migration

-- A failing endpoint is attempted by one job at a time (webhooks/delivery.ts): a fan-out that touches an
-- endpoint while its job runs queues a second job, and several such jobs, each waiting out time-outs, could take
-- every worker slot and hold up the deliveries to healthy endpoints. The job that claims a failing endpoint's
-- deliveries takes this lease with them and gives it back when it logs the attempts; a worker that dies holding
-- it leaves a lease that simply runs out.
alter table webhook_endpoints add column attempting_until timestamptz;

-- Down Migration

alter table webhook_endpoints drop column if exists attempting_until;
