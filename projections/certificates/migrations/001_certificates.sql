-- One row per printed certificate: its serial in the register of its issuing unit and year,
-- how many times it was printed, and the text of its last print (what the PDF shows).
CREATE TABLE certificates (
  award_id text PRIMARY KEY,
  issuing_unit_id text NOT NULL,
  year int NOT NULL,
  serial int NOT NULL,
  prints int NOT NULL,
  certificate jsonb NOT NULL,
  first_printed_on date NOT NULL,
  last_printed_on date NOT NULL,
  UNIQUE (issuing_unit_id, year, serial)
);
