import { IsEnum, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { DossierQueueFilter } from '../../projections/dossiers/dossierQueue.queries';
import { ID_MESSAGE, ID_PATTERN, PeriodInput } from '../graphql/common.types';
import { PageInfoType } from '../graphql/keysetPages';
import { DateScalar } from '../graphql/scalars';
import { AwardKind, DossierProcedure, DossierStatus } from '../shared/domain';
import { DossierType } from './dossier.types';

@InputType('DossierFilter', { description: 'Every field given narrows the list; none lists every dossier' })
export class DossierFilterInput {
  @Field(() => DossierStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DossierStatus)
  status?: DossierStatus | null;

  @Field(() => ID, { nullable: true, description: 'Proposed by this unit or a unit below it' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `proposingUnitId ${ID_MESSAGE}` })
  proposingUnitId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `movementId ${ID_MESSAGE}` })
  movementId?: string | null;

  @Field(() => PeriodInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  period?: PeriodInput | null;

  @Field(() => AwardKind, { nullable: true })
  @IsOptional()
  @IsEnum(AwardKind)
  award?: AwardKind | null;

  @Field(() => ID, { nullable: true, description: 'Assigned to this handling officer (cán bộ thụ lý)' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `handlingOfficerId ${ID_MESSAGE}` })
  handlingOfficerId?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Received, still awaiting appraisal (SUBMITTED), and due before this day',
  })
  @IsOptional()
  overdueOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'On the agenda of a council session this person sits on' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `councilMemberId ${ID_MESSAGE}` })
  councilMemberId?: string | null;

  @Field(() => DossierProcedure, {
    nullable: true,
    description: 'SIMPLIFIED lists the sudden-award dossiers (khen thưởng đột xuất)',
  })
  @IsOptional()
  @IsEnum(DossierProcedure)
  procedure?: DossierProcedure | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Handled now by this unit: received there, or forwarded to it and awaiting it',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `handlingUnitId ${ID_MESSAGE}` })
  handlingUnitId?: string | null;
}

/** The filter as the read model takes it: absent fields are null. */
export function queueFilterOf(input: DossierFilterInput | null | undefined): DossierQueueFilter {
  return {
    status: input?.status ?? null,
    proposingUnitId: input?.proposingUnitId ?? null,
    movementId: input?.movementId ?? null,
    period: input?.period ? { kind: input.period.kind, year: input.period.year } : null,
    award: input?.award ?? null,
    handlingOfficerId: input?.handlingOfficerId ?? null,
    overdueOn: input?.overdueOn ?? null,
    councilMemberId: input?.councilMemberId ?? null,
    procedure: input?.procedure ?? null,
    handlingUnitId: input?.handlingUnitId ?? null,
  };
}

@ObjectType('DossierEdge')
export class DossierEdgeType {
  @Field({ description: "The dossier's place in the list: pass as `after` to continue after it" })
  cursor!: string;

  @Field(() => DossierType)
  node!: DossierType;
}

@ObjectType('DossierConnection', {
  description: 'One page of the dossier queue, ordered by submittedOn then id (oldest first)',
})
export class DossierConnectionType {
  @Field(() => [DossierEdgeType])
  edges!: DossierEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  /** Counts the dossiers matching the filter; run only when totalCount or totalCountCapped is asked for. */
  countMatching!: () => Promise<{ count: number; capped: boolean }>;
}

export const TOTAL_COUNT_CAP = 10_000;
