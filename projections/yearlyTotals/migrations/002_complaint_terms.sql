-- Each complaint's kind and acceptance due date: acceptance terms differ by kind (a
-- denunciation counts 7 working days), so "overdue" reads the stored date, and the
-- totals count overdue complaints and denunciations apart.
ALTER TABLE complaints ADD COLUMN kind text NOT NULL DEFAULT 'COMPLAINT';
ALTER TABLE complaints ADD COLUMN acceptance_due_on date;
UPDATE complaints SET acceptance_due_on = received_on + 10 WHERE acceptance_due_on IS NULL;
ALTER TABLE complaints ALTER COLUMN acceptance_due_on SET NOT NULL;
ALTER TABLE complaints ALTER COLUMN kind DROP DEFAULT;
