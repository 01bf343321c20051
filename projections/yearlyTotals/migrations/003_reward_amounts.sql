-- Cash rewards (VND) as the award decisions recorded them (AwardGranted.rewardVnd): each
-- award's amount (null where none is fixed), and per period, unit and kind the sum over the
-- awards granted (revoked included, like the counts) and over those revoked.
ALTER TABLE awards ADD COLUMN reward_vnd bigint;
ALTER TABLE award_totals ADD COLUMN reward_vnd bigint NOT NULL DEFAULT 0;
ALTER TABLE award_totals ADD COLUMN revoked_reward_vnd bigint NOT NULL DEFAULT 0;
