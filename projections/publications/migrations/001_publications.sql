-- Published lists of nominees (công khai), one row per list; its window for comments runs from_date to to_date.
CREATE TABLE publications (
  publication_id      text        PRIMARY KEY,
  channels            text[]      NOT NULL,
  location            text        NOT NULL,
  from_date           date        NOT NULL,
  to_date             date        NOT NULL,
  window_working_days integer     NOT NULL,
  published_at        timestamptz NOT NULL
);

-- The nominees of each list, in the order it names them.
CREATE TABLE publication_nominees (
  publication_id text    NOT NULL,
  nominee_no     integer NOT NULL,
  dossier_id     text    NOT NULL,
  award          text    NOT NULL,
  subject_kind   text    NOT NULL,
  subject_id     text    NOT NULL,
  subject_name   text    NOT NULL,
  from_date      date    NOT NULL,
  PRIMARY KEY (publication_id, nominee_no)
);

-- "When was this dossier first published?" for the council's convening.
CREATE INDEX publication_nominees_dossier ON publication_nominees (dossier_id, from_date);

-- Comments received during a window; complaint_id names the complaint a comment opened.
CREATE TABLE publication_comments (
  publication_id text        NOT NULL,
  comment_no     integer     NOT NULL,
  commenter_name text        NOT NULL,
  content        text        NOT NULL,
  received_on    date        NOT NULL,
  dossier_id     text,
  complaint_id   text,
  complaint_kind text,
  recorded_at    timestamptz NOT NULL,
  PRIMARY KEY (publication_id, comment_no)
);
