-- Households (hộ gia đình) as award subjects: each with its head, address and the
-- commune, ward or village it lives in; searchable through subjects (kind HOUSEHOLD).
CREATE TABLE households (
  household_id text PRIMARY KEY,
  head_name    text NOT NULL,
  address      text NOT NULL,
  unit_id      text NOT NULL
);
CREATE INDEX households_unit ON households (unit_id);
