// Resolvers of the award process: dossiers, their forwarding and proposal memos, publications, council sessions,
// ballots, awards, decisions, certificates, complaints, eligibility.
import { AwardResolver } from '../awards/award.resolver';
import { BallotResolver } from '../ballots/ballot.resolver';
import { CertificateResolver } from '../certificates/certificate.resolver';
import { ComplaintResolver } from '../complaints/complaint.resolver';
import { DecisionResolver } from '../decisions/decision.resolver';
import { CouncilSessionResolver } from '../councilSessions/councilSession.resolver';
import { DossierResolver } from '../dossiers/dossier.resolver';
import { DossierForwardingResolver } from '../dossiers/dossierForwarding.resolver';
import { ProposalResolver } from '../proposals/proposal.resolver';
import { PublicationResolver } from '../publications/publication.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver classes
export const awardingResolvers: Function[] = [
  DossierResolver,
  DossierForwardingResolver,
  ProposalResolver,
  PublicationResolver,
  CouncilSessionResolver,
  BallotResolver,
  AwardResolver,
  CertificateResolver,
  DecisionResolver,
  ComplaintResolver,
];
