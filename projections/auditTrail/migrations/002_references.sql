-- What each entry is about, for the inspector's filters: a subject (KIND:id), a dossier,
-- an award, a complaint, a council session or a decision number.
CREATE TABLE entry_refs (
  ref_kind text   NOT NULL,
  ref_id   text   NOT NULL,
  position bigint NOT NULL,
  PRIMARY KEY (ref_kind, ref_id, position)
);

-- Facts the handler needs to file later events under the right dossier.
CREATE TABLE complaint_targets (
  complaint_id text PRIMARY KEY,
  award_id     text,
  dossier_id   text
);

CREATE TABLE award_dossiers (
  award_id   text PRIMARY KEY,
  dossier_id text NOT NULL
);
