-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d).
-- One database per service; each service creates its own tables with Flyway at start-up.
CREATE DATABASE bed_availability;
CREATE DATABASE request_matching;
CREATE DATABASE notification;
