-- The finalized ranking of each cluster and year (ClusterRankingFinalized), one row per member unit.
CREATE TABLE final_ranks (
  cluster_id   text             NOT NULL,
  year         integer          NOT NULL,
  unit_id      text             NOT NULL,
  rank         integer          NOT NULL,
  cluster_name text             NOT NULL,
  unit_name    text             NOT NULL,
  total_points double precision NOT NULL,
  finalized_at timestamptz      NOT NULL,
  PRIMARY KEY (cluster_id, year, unit_id)
);

CREATE INDEX final_ranks_unit ON final_ranks (unit_id, year);
