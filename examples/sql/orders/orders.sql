-- Orders enriched with their customers, and totals per customer and per hour.
-- Run it against a server:   ./runnel shell --server http://127.0.0.1:8088 --file examples/sql/orders/orders.sql
-- or in the embedded shell:  ./runnel --file examples/sql/orders/orders.sql

-- Customers: the latest row per customer id.
CREATE TABLE customers (customer_id VARCHAR PRIMARY KEY, name VARCHAR, country VARCHAR)
  WITH (kafka_topic='customers', value_format='JSON', partitions=1);

-- Orders as they happen, keyed by order id; the event time is the record's time (ROWTIME).
CREATE STREAM orders (order_id VARCHAR KEY, customer_id VARCHAR, amount DOUBLE)
  WITH (kafka_topic='orders', value_format='JSON', partitions=1);

-- Each order with its customer's name and country (a stream-table join: the orders are
-- re-keyed by customer id to meet the table).
CREATE STREAM enriched_orders AS
  SELECT o.customer_id AS customer_id, o.order_id, o.amount, c.name, c.country
  FROM orders o JOIN customers c ON o.customer_id = c.customer_id;

-- Orders and revenue per customer and hour.
CREATE TABLE hourly_totals AS
  SELECT customer_id, COUNT(*) AS orders, SUM(amount) AS revenue
  FROM enriched_orders
  WINDOW TUMBLING (SIZE 1 HOUR)
  GROUP BY customer_id;
