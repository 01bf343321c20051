CREATE TABLE plans (
  plan_id           text PRIMARY KEY,
  year              integer NOT NULL,
  title             text NOT NULL,
  issued_by_unit_id text NOT NULL
);

CREATE TABLE plan_tasks (
  plan_id               text    NOT NULL,
  task_no               integer NOT NULL,
  quarter               integer NOT NULL,
  content               text    NOT NULL,
  directing_unit_id     text    NOT NULL,
  executing_unit_ids    text[]  NOT NULL,
  coordinating_unit_ids text[]  NOT NULL,
  PRIMARY KEY (plan_id, task_no)
);

CREATE TABLE plan_task_reports (
  plan_id     text    NOT NULL,
  task_no     integer NOT NULL,
  position    bigint  NOT NULL,
  done        boolean NOT NULL,
  note        text,
  reported_on date    NOT NULL,
  PRIMARY KEY (plan_id, task_no, position)
);
