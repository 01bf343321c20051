-- One row per generation of each projection. A generation's tables live in the schema
-- `<name>__g<generation>`; the schema `<name>` holds views onto the active generation,
-- so queries never name a generation and a rebuild switches over in one transaction.
CREATE TABLE projection_state (
  name            text        NOT NULL,
  generation      integer     NOT NULL,
  version         integer     NOT NULL,
  position        bigint      NOT NULL DEFAULT 0,
  status          text        NOT NULL CHECK (status IN ('active', 'rebuilding', 'retired')),
  failed          boolean     NOT NULL DEFAULT false,
  failed_position bigint,
  error           text,
  events_applied  bigint      NOT NULL DEFAULT 0,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, generation)
);

CREATE UNIQUE INDEX projection_state_one_active ON projection_state (name) WHERE status = 'active';
