-- ShedLock's table (its standard shape, with time zones): one row per scheduled job, held by the instance that runs
-- it until lock_until. Scheduled jobs run once per tick across the instances of a service (see SchedulerLocks).
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMPTZ  NOT NULL,
    locked_at  TIMESTAMPTZ  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
