import { assertNever, type Decider } from '../shared/decider';
import { DossierStatus, type ComplaintKind, type IsoDate, type IsoInstant } from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { nameBasedUuid } from '../shared/ids';
import { publicationWindowEnd } from '../rules/publicationRules';
import { requireIsoInstant } from '../rules/values';
import { requireDistinctIds, requireIsoDate, requireText } from '../shared/validation';
import type {
  NomineesPublished,
  PublicationChannel,
  PublicationCommentRecorded,
  PublicationEvent,
  PublishedNominee,
} from './publication.events';

export const PUBLICATION_STREAM_TYPE = 'publication';

// ---------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------

export interface PublishedList {
  status: 'PUBLISHED';
  publicationId: string;
  nominees: PublishedNominee[];
  fromDate: IsoDate;
  toDate: IsoDate;
  comments: number;
}

export type PublicationState = { status: 'NONE' } | PublishedList;

// ---------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------

/** A nominee to publish, as the handler found its dossier. */
export interface NomineeToPublish extends PublishedNominee {
  dossierStatus: DossierStatus;
}

export interface PublishNominees {
  type: 'PublishNominees';
  data: {
    publicationId: string;
    /** Looked up by the handler: the dossiers listed, in the order given. */
    nominees: NomineeToPublish[];
    channels: PublicationChannel[];
    location: string;
    fromDate: IsoDate;
    /** The working days the rule set in force on `fromDate` keeps the list up (publicationWindowDays). */
    windowWorkingDays: number;
    today: IsoDate;
    now: IsoInstant;
  };
}

export interface RecordPublicationComment {
  type: 'RecordPublicationComment';
  data: {
    publicationId: string;
    commenterName: string;
    content: string;
    receivedOn: IsoDate;
    dossierId: string | null;
    /** The kind of complaint the comment opens; null: none. */
    opensComplaint: ComplaintKind | null;
    today: IsoDate;
    now: IsoInstant;
  };
}

export type PublicationCommand = PublishNominees | RecordPublicationComment;

// ---------------------------------------------------------------------------
// Evolve
// ---------------------------------------------------------------------------

function evolvePublication(state: PublicationState, event: PublicationEvent): PublicationState {
  switch (event.type) {
    case 'NomineesPublished': {
      const { publicationId, nominees, fromDate, toDate } = event.data;
      return { status: 'PUBLISHED', publicationId, nominees, fromDate, toDate, comments: 0 };
    }
    case 'PublicationCommentRecorded':
      if (state.status === 'NONE') return state;
      return { ...state, comments: event.data.commentNo };
    default:
      return assertNever(event, 'publication event');
  }
}

// ---------------------------------------------------------------------------
// Decide: named checks, then the event
// ---------------------------------------------------------------------------

/** Dossiers still on their way to a decision may be published; decided or withdrawn ones may not. */
const PUBLISHABLE: readonly DossierStatus[] = [DossierStatus.SUBMITTED, DossierStatus.RETURNED, DossierStatus.ELIGIBLE];

function requireNotPublished(state: PublicationState): void {
  if (state.status !== 'NONE') {
    throw new RuleViolation('ALREADY_EXISTS', `publication ${state.publicationId} already exists`, {
      publicationId: state.publicationId,
    });
  }
}

function requireNomineesPublishable(nominees: readonly NomineeToPublish[]): void {
  if (nominees.length === 0) throw new InvalidInput('a publication lists at least one dossier', 'dossierIds');
  requireDistinctIds(
    nominees.map((n) => n.dossierId),
    'dossierIds',
  );
  const decided = nominees.filter((n) => !PUBLISHABLE.includes(n.dossierStatus));
  if (decided.length === 0) return;
  throw new RuleViolation(
    'DOSSIER_NOT_PUBLISHABLE',
    `only dossiers awaiting the council can be published: ${decided.map((n) => `${n.dossierId} is ${n.dossierStatus}`).join(', ')}`,
    {
      dossierId: decided[0].dossierId,
      status: decided[0].dossierStatus,
      dossiers: decided.map((n) => ({ dossierId: n.dossierId, status: n.dossierStatus })),
    },
  );
}

function requireWhere(channels: readonly PublicationChannel[], location: string): void {
  if (channels.length === 0) throw new InvalidInput('a publication names at least one channel', 'channels');
  if (new Set(channels).size !== channels.length) throw new InvalidInput('a channel is listed twice', 'channels');
  requireText(location, 'location');
}

function requireNotAfterToday(date: IsoDate, today: IsoDate, field: string): void {
  requireIsoDate(date, field);
  if (date > today) throw new InvalidInput(`${field} ${date} is after today (${today})`, field);
}

function publish(data: PublishNominees['data'], state: PublicationState): NomineesPublished[] {
  requireNotPublished(state);
  requireNomineesPublishable(data.nominees);
  requireWhere(data.channels, data.location);
  requireNotAfterToday(data.fromDate, data.today, 'fromDate');
  requireIsoInstant(data.now, 'now');
  return [
    {
      type: 'NomineesPublished',
      data: {
        publicationId: data.publicationId,
        nominees: data.nominees.map((n) => ({
          dossierId: n.dossierId,
          award: n.award,
          nominee: { kind: n.nominee.kind, id: n.nominee.id, name: n.nominee.name },
        })),
        channels: [...data.channels],
        location: data.location,
        fromDate: data.fromDate,
        toDate: publicationWindowEnd(data.fromDate, data.windowWorkingDays),
        windowWorkingDays: data.windowWorkingDays,
        publishedAt: data.now,
      },
    },
  ];
}

function published(state: PublicationState, publicationId: string): PublishedList {
  if (state.status === 'NONE') throw new NotFound('Publication', publicationId);
  return state;
}

/** A comment counts only if received while the list was up: from `fromDate` to `toDate`, both included. */
function requireWithinWindow(list: PublishedList, receivedOn: IsoDate): void {
  if (receivedOn >= list.fromDate && receivedOn <= list.toDate) return;
  throw new RuleViolation(
    'OUTSIDE_PUBLICATION_WINDOW',
    `a comment received on ${receivedOn} is outside publication ${list.publicationId}'s window (${list.fromDate} to ${list.toDate})`,
    { publicationId: list.publicationId, receivedOn, fromDate: list.fromDate, toDate: list.toDate },
  );
}

/** The listed nominee the comment is about; a comment opening a complaint must name one. */
function commentedNominee(list: PublishedList, data: RecordPublicationComment['data']): PublishedNominee | null {
  if (data.dossierId === null) {
    if (data.opensComplaint !== null)
      throw new InvalidInput('a comment that opens a complaint names the dossier it is about', 'dossierId');
    return null;
  }
  const nominee = list.nominees.find((n) => n.dossierId === data.dossierId);
  if (!nominee)
    throw new InvalidInput(`dossier ${data.dossierId} is not on publication ${list.publicationId}'s list`, 'dossierId');
  return nominee;
}

/** The complaint a comment opens is named after the comment, so a retried consequence files it once. */
export function complaintIdOfComment(publicationId: string, commentNo: number): string {
  return nameBasedUuid(`publication-comment\n${publicationId}\n${commentNo}`);
}

function recordComment(data: RecordPublicationComment['data'], state: PublicationState): PublicationCommentRecorded[] {
  const list = published(state, data.publicationId);
  requireText(data.commenterName, 'commenterName');
  requireText(data.content, 'content');
  requireNotAfterToday(data.receivedOn, data.today, 'receivedOn');
  requireWithinWindow(list, data.receivedOn);
  const nominee = commentedNominee(list, data);
  const commentNo = list.comments + 1;
  return [
    {
      type: 'PublicationCommentRecorded',
      data: {
        publicationId: list.publicationId,
        commentNo,
        commenterName: data.commenterName,
        content: data.content,
        receivedOn: data.receivedOn,
        dossierId: nominee?.dossierId ?? null,
        nominee: nominee === null ? null : { ...nominee.nominee },
        complaint:
          data.opensComplaint === null
            ? null
            : { complaintId: complaintIdOfComment(list.publicationId, commentNo), kind: data.opensComplaint },
        recordedAt: data.now,
      },
    },
  ];
}

function decidePublication(command: PublicationCommand, state: PublicationState): PublicationEvent[] {
  switch (command.type) {
    case 'PublishNominees':
      return publish(command.data, state);
    case 'RecordPublicationComment':
      return recordComment(command.data, state);
    default:
      return assertNever(command, 'publication command');
  }
}

export const publicationDecider: Decider<PublicationCommand, PublicationEvent, PublicationState> = {
  streamType: PUBLICATION_STREAM_TYPE,
  initialState: () => ({ status: 'NONE' }),
  evolve: evolvePublication,
  decide: decidePublication,
};
