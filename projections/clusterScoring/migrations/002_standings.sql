-- The inputs of the standings, with record time, so any past instant can be answered.
CREATE TABLE clusters (
  cluster_id text PRIMARY KEY,
  name       text  NOT NULL,
  members    jsonb NOT NULL -- [{unitId, unitName}] in formation order
);

CREATE TABLE criteria_sets (
  cluster_id  text        NOT NULL,
  year        integer     NOT NULL,
  position    bigint      NOT NULL,
  recorded_at timestamptz NOT NULL,
  criteria    jsonb       NOT NULL, -- [{code, name, maxPoints, kind}] in listed order
  PRIMARY KEY (cluster_id, year, position)
);

CREATE TABLE scores (
  cluster_id     text        NOT NULL,
  year           integer     NOT NULL,
  position       bigint      NOT NULL,
  recorded_at    timestamptz NOT NULL,
  unit_id        text        NOT NULL,
  criterion_code text        NOT NULL,
  kind           text        NOT NULL,
  points         float8      NOT NULL,
  PRIMARY KEY (cluster_id, year, position)
);

CREATE TABLE leadership (
  cluster_id      text        NOT NULL,
  year            integer     NOT NULL,
  position        bigint      NOT NULL,
  recorded_at     timestamptz NOT NULL,
  leader_unit_id  text        NOT NULL,
  deputy_unit_id  text        NOT NULL,
  PRIMARY KEY (cluster_id, year, position)
);
