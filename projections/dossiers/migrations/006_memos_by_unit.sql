-- The submitted proposal memos (tờ trình) that carry each dossier, one per proposing unit:
-- a unit proposes a dossier once, and each level it is forwarded through writes its own.
CREATE TABLE dossier_memos (
  dossier_id   text NOT NULL,
  unit_id      text NOT NULL,
  proposal_id  text NOT NULL,
  number       text NOT NULL,
  proposed_on  date NOT NULL,
  PRIMARY KEY (dossier_id, unit_id)
);
