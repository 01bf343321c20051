-- The entry's data is only ever returned whole, never queried inside: json keeps the
-- text as written (the handler writes it once) instead of converting it to jsonb's
-- binary form, which was a large share of the cost of copying every event.
ALTER TABLE entries ALTER COLUMN data TYPE json USING data::json;
