import { registerEnumType } from 'type-graphql';
import { DocumentKind } from '../documents/documentKinds';
import { DenunciationComplexity } from '../complaints/complaint.events';
import { PublicationChannel } from '../publications/publication.events';
import {
  AuthorityLevel,
  AwardCategory,
  AwardKind,
  BallotChoice,
  ClusterKind,
  ComplaintKind,
  ComplaintOutcome,
  ComplaintStatus,
  DossierProcedure,
  DossierStatus,
  MovementKind,
  PerformanceRating,
  PeriodKind,
  PlanTaskStatus,
  ScoreKind,
  SubjectKind,
  UnitKind,
} from '../shared/domain';

// The contract's enums, registered once under their contract names.
registerEnumType(AuthorityLevel, { name: 'AuthorityLevel' });
registerEnumType(UnitKind, { name: 'UnitKind' });
registerEnumType(SubjectKind, { name: 'SubjectKind' });
registerEnumType(PeriodKind, { name: 'PeriodKind' });
registerEnumType(MovementKind, { name: 'MovementKind' });
registerEnumType(ClusterKind, { name: 'ClusterKind' });
registerEnumType(ScoreKind, { name: 'ScoreKind' });
registerEnumType(PerformanceRating, { name: 'PerformanceRating' });
registerEnumType(AwardCategory, { name: 'AwardCategory' });
registerEnumType(AwardKind, { name: 'AwardKind' });
registerEnumType(DocumentKind, { name: 'DocumentKind', description: 'A document of a dossier (thành phần hồ sơ)' });
registerEnumType(BallotChoice, { name: 'BallotChoice' });
registerEnumType(DossierStatus, { name: 'DossierStatus' });
registerEnumType(DossierProcedure, {
  name: 'DossierProcedure',
  description: 'STANDARD, or SIMPLIFIED (thủ tục đơn giản) for a sudden achievement (khen thưởng đột xuất)',
});
registerEnumType(ComplaintKind, { name: 'ComplaintKind' });
registerEnumType(ComplaintStatus, { name: 'ComplaintStatus' });
registerEnumType(ComplaintOutcome, { name: 'ComplaintOutcome' });
registerEnumType(DenunciationComplexity, { name: 'DenunciationComplexity' });
registerEnumType(PublicationChannel, { name: 'PublicationChannel' });
registerEnumType(PlanTaskStatus, { name: 'PlanTaskStatus' });
