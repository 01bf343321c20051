-- The cash reward each award decision recorded (AwardGranted.baseSalaryVnd, rewardVnd): the
-- base salary in force on the decision date and the amount in VND; null where none is fixed.
ALTER TABLE awards ADD COLUMN base_salary_vnd bigint;
ALTER TABLE awards ADD COLUMN reward_vnd bigint;
