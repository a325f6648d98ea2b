-- Clickstream: page views per user, per user and 1-minute window, and sessions of activity.
-- Run it against a server:   ./runnel --server http://127.0.0.1:8088 --file examples/sql/clickstream/clickstream.sql
-- or in the embedded shell:  ./runnel --file examples/sql/clickstream/clickstream.sql

-- One row per page view, keyed by user; the event time is the record's time (ROWTIME), which
-- an insert may set: INSERT INTO clickstream (ROWTIME, user_id, page) VALUES (1767261600000, 'alice', '/home');
CREATE STREAM clickstream (user_id VARCHAR KEY, page VARCHAR)
  WITH (kafka_topic='clickstream', value_format='JSON', partitions=1);

-- Page views per user, ever.
CREATE TABLE pageviews_per_user AS
  SELECT user_id, COUNT(*) AS views
  FROM clickstream
  GROUP BY user_id;

-- Page views per user and minute.
CREATE TABLE pageviews_per_minute AS
  SELECT user_id, COUNT(*) AS views
  FROM clickstream
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY user_id;

-- Sessions: a user's clicks with no gap of 5 minutes or more between them.
CREATE TABLE sessions AS
  SELECT user_id, COUNT(*) AS clicks
  FROM clickstream
  WINDOW SESSION (5 MINUTES)
  GROUP BY user_id;
