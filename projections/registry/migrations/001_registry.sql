-- Reference data as the read side needs it: units (with their tree), people, clusters,
-- movements, and one searchable row per subject.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE units (
  unit_id        text PRIMARY KEY,
  name           text NOT NULL,
  kind           text NOT NULL,
  level          text NOT NULL,
  parent_unit_id text,
  sector         text,
  small          boolean NOT NULL,
  merged_into    text
);
CREATE INDEX units_parent ON units (parent_unit_id);

CREATE TABLE people (
  person_id     text PRIMARY KEY,
  full_name     text NOT NULL,
  unit_id       text NOT NULL,
  position      text,
  direct_worker boolean NOT NULL,
  female        boolean NOT NULL
);
CREATE INDEX people_unit ON people (unit_id);

-- search_text: lower case, without diacritics, đ written d (normalizeForSearch).
CREATE TABLE subjects (
  kind        text NOT NULL,
  id          text NOT NULL,
  name        text NOT NULL,
  unit_name   text,
  search_text text NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE INDEX subjects_search_trgm ON subjects USING gin (search_text public.gin_trgm_ops);

CREATE TABLE clusters (
  cluster_id        text PRIMARY KEY,
  name              text NOT NULL,
  kind              text NOT NULL,
  organizer_unit_id text NOT NULL,
  member_unit_ids   text[] NOT NULL
);

CREATE TABLE movements (
  movement_id         text PRIMARY KEY,
  name                text NOT NULL,
  kind                text NOT NULL,
  launched_by_unit_id text NOT NULL,
  starts_on           date NOT NULL,
  ends_on             date
);
CREATE INDEX movements_dates ON movements (starts_on, ends_on);
