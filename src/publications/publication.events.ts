import type { DomainEvent } from '../shared/decider';
import type { AwardKind, ComplaintKind, IsoDate, IsoInstant, SubjectKind } from '../shared/domain';

/** Where a list of nominees is published (công khai). */
export enum PublicationChannel {
  /** The electronic portal (cổng thông tin điện tử) of the ministry, sector or province. */
  PORTAL = 'PORTAL',
  /** The notice board at the agency's seat (bảng tin). */
  NOTICE_BOARD = 'NOTICE_BOARD',
  NEWSPAPER = 'NEWSPAPER',
  RADIO_TELEVISION = 'RADIO_TELEVISION',
}

/** One nominee on a published list, as its dossier named it when the list was published. */
export interface PublishedNominee {
  dossierId: string;
  award: AwardKind;
  nominee: { kind: SubjectKind; id: string; name: string };
}

/**
 * The list of nominees was published from `fromDate`; comments are received until `toDate`,
 * the `windowWorkingDays`-th working day counting `fromDate` (src/rules/publicationRules.ts).
 */
export interface NomineesPublished extends DomainEvent<
  'NomineesPublished',
  {
    publicationId: string;
    nominees: PublishedNominee[];
    channels: PublicationChannel[];
    /** The portal's address or the notice board's place. */
    location: string;
    fromDate: IsoDate;
    toDate: IsoDate;
    windowWorkingDays: number;
    publishedAt: IsoInstant;
  }
> {}

/** The complaint a comment opens: filed on its own stream by the process manager `publication_complaints`. */
export interface CommentComplaint {
  complaintId: string;
  kind: ComplaintKind;
}

/** A comment received during the window, about the list or one of its nominees; it may open a complaint. */
export interface PublicationCommentRecorded extends DomainEvent<
  'PublicationCommentRecorded',
  {
    publicationId: string;
    /** 1, 2, … in the order the comments were recorded. */
    commentNo: number;
    commenterName: string;
    content: string;
    receivedOn: IsoDate;
    /** The nominee's dossier the comment is about; null: the list as a whole. */
    dossierId: string | null;
    /** The nominee of `dossierId`, as the list names it; null with it. */
    nominee: PublishedNominee['nominee'] | null;
    complaint: CommentComplaint | null;
    recordedAt: IsoInstant;
  }
> {}

export type PublicationEvent = NomineesPublished | PublicationCommentRecorded;
