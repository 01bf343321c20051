// Resolvers of the lookups: dossier, the dossier queue, council sessions, award history, awards by decision,
// complaints, publications, a session's ballots.
import { AwardQueriesResolver } from '../awards/awardQueries.resolver';
import { BallotQueriesResolver } from '../ballots/ballotQueries.resolver';
import { ComplaintQueriesResolver } from '../complaints/complaintQueries.resolver';
import { CouncilSessionQueriesResolver } from '../councilSessions/councilSessionQueries.resolver';
import { DossierDocumentsResolver } from '../dossiers/dossierDocuments.resolver';
import { DossierQueriesResolver } from '../dossiers/dossierQueries.resolver';
import { DossierQueueResolver } from '../dossiers/dossierQueue.resolver';
import { PublicationQueriesResolver } from '../publications/publicationQueries.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver classes
export const lookupResolvers: Function[] = [
  DossierQueriesResolver,
  DossierDocumentsResolver,
  DossierQueueResolver,
  CouncilSessionQueriesResolver,
  AwardQueriesResolver,
  ComplaintQueriesResolver,
  PublicationQueriesResolver,
  BallotQueriesResolver,
];
