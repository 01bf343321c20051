-- The documents attached to each dossier, by the SHA-256 of their content (the file itself
-- is in the document store). A hash is attached to a dossier at most once.
CREATE TABLE dossier_documents (
  dossier_id   text        NOT NULL,
  sha256       text        NOT NULL,
  kind         text        NOT NULL,
  file_name    text        NOT NULL,
  size         bigint      NOT NULL,
  content_type text        NOT NULL,
  attached_by  text        NOT NULL,
  attached_at  timestamptz NOT NULL,
  version      integer     NOT NULL,
  PRIMARY KEY (dossier_id, sha256)
);
-- Which dossiers hold a document: what a download is authorized by.
CREATE INDEX dossier_documents_by_hash ON dossier_documents (sha256);
