import type { DomainEvent } from '../shared/decider';
import type { AwardKind, IsoInstant, Period, SubjectKind } from '../shared/domain';

/** A subject (person or unit) with the name it had when the event happened. */
export interface RegisteredSubject {
  kind: SubjectKind;
  id: string;
  name: string;
}

/**
 * A person or unit registered for an emulation title for a period (đăng ký danh hiệu).
 * `registrationId` is `registrationStreamKey(subject, award, period)`, so the stream is
 * `registration-<registrationId>` and a second registration for the same subject,
 * title and period lands on the same stream.
 */
export interface TitleRegistered extends DomainEvent<
  'TitleRegistered',
  {
    registrationId: string;
    subject: RegisteredSubject;
    /** The person's unit, or the collective itself. */
    subjectUnitId: string;
    award: AwardKind;
    period: Period;
    movementId: string | null;
    registeredAt: IsoInstant;
  }
> {}

export type RegistrationEvent = TitleRegistered;
