-- One row per author of a recognised initiative: every author gets the credit.
CREATE TABLE initiative_authors (
  initiative_id   text        NOT NULL,
  person_id       text        NOT NULL,
  author_name     text        NOT NULL,
  author_no       integer     NOT NULL,
  title           text        NOT NULL,
  level           text        NOT NULL,
  period_kind     text        NOT NULL,
  period_year     integer     NOT NULL,
  decision_number text        NOT NULL,
  recognized_at   timestamptz NOT NULL,
  PRIMARY KEY (initiative_id, person_id)
);

CREATE INDEX initiative_authors_person ON initiative_authors (person_id, period_kind, period_year);
