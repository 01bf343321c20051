import { IsEnum, IsOptional, Matches } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { CouncilSessionView } from '../../projections/councilSessions/councilSessions.queries';
import { ID_MESSAGE, ID_PATTERN, SubjectType } from '../graphql/common.types';
import { PageInfoType } from '../graphql/keysetPages';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import { BallotTallyType } from '../dossiers/dossier.types';
import { AuthorityLevel, AwardKind } from '../shared/domain';

export enum CouncilSessionStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(CouncilSessionStatus, { name: 'CouncilSessionStatus' });

@ObjectType('CouncilSessionMember', { description: 'A member and the ballots they cast; never their choices' })
class CouncilSessionMemberType {
  @Field(() => ID)
  personId!: string;

  @Field()
  name!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => Int, { description: 'Ballots cast in the session, in person or in writing' })
  ballotsCast!: number;

  @Field(() => Int, { description: 'Of those, written ballots recorded by the secretariat' })
  writtenBallots!: number;
}

@ObjectType('CouncilAgendaItem', { description: 'A dossier the council votes on, with its threshold' })
class CouncilAgendaItemType {
  @Field(() => Int)
  itemNo!: number;

  @Field(() => ID)
  dossierId!: string;

  @Field(() => AwardKind)
  award!: AwardKind;

  @Field(() => SubjectType)
  nominee!: SubjectType;

  @Field(() => ID)
  nomineeUnitId!: string;

  @Field(() => Float, { description: 'Share of ALL members whose approval is needed' })
  thresholdShare!: number;

  @Field({ description: 'true: approvals / members >= share; false: > share' })
  thresholdInclusive!: boolean;

  @Field(() => BallotTallyType, { nullable: true, description: 'The tally; null until the session is closed' })
  tally!: BallotTallyType | null;
}

@ObjectType('CouncilSession', {
  description: 'A council session (phiên họp Hội đồng TĐKT): members, agenda, attendance and, once closed, tallies',
})
export class CouncilSessionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  councilUnitId!: string;

  @Field(() => AuthorityLevel, { nullable: true, description: "The council's unit level" })
  level!: AuthorityLevel | null;

  @Field(() => DateScalar)
  heldOn!: string;

  @Field(() => CouncilSessionStatus)
  status!: CouncilSessionStatus;

  @Field(() => Int, { description: 'All council members, present or not' })
  memberCount!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Members who cast a ballot, as the close counted them (the quorum count); null while open',
  })
  membersVoted!: number | null;

  @Field(() => DateTimeScalar)
  convenedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: Date | null;

  @Field(() => [CouncilSessionMemberType])
  members!: CouncilSessionMemberType[];

  @Field(() => [CouncilAgendaItemType])
  agenda!: CouncilAgendaItemType[];

  static of(view: CouncilSessionView): CouncilSessionType {
    return {
      ...view,
      status: view.status === 'CLOSED' ? CouncilSessionStatus.CLOSED : CouncilSessionStatus.OPEN,
      convenedAt: new Date(view.convenedAt),
      closedAt: view.closedAt === null ? null : new Date(view.closedAt),
      agenda: view.agenda.map((item) => ({
        ...item,
        tally: item.tally === null ? null : BallotTallyType.of(item.tally),
      })),
    };
  }
}

@InputType('CouncilSessionFilter', { description: 'Every field given narrows the list' })
export class CouncilSessionFilterInput {
  @Field(() => CouncilSessionStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CouncilSessionStatus)
  status?: CouncilSessionStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'Held on or after this day' })
  @IsOptional()
  heldFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Held on or before this day' })
  @IsOptional()
  heldTo?: string | null;

  @Field(() => AuthorityLevel, { nullable: true, description: "The council's unit level" })
  @IsOptional()
  @IsEnum(AuthorityLevel)
  level?: AuthorityLevel | null;

  @Field(() => ID, { nullable: true, description: 'Sessions this person sits on' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `memberId ${ID_MESSAGE}` })
  memberId?: string | null;
}

@ObjectType('CouncilSessionEdge')
export class CouncilSessionEdgeType {
  @Field()
  cursor!: string;

  @Field(() => CouncilSessionType)
  node!: CouncilSessionType;
}

@ObjectType('CouncilSessionConnection', { description: 'One page of council sessions, by heldOn then id' })
export class CouncilSessionConnectionType {
  @Field(() => [CouncilSessionEdgeType])
  edges!: CouncilSessionEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}
