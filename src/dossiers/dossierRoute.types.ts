import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { RouteStep } from './dossier.events';
import { DateScalar } from '../graphql/scalars';
import { AuthorityLevel } from '../shared/domain';

@ObjectType('RouteStep', {
  description:
    "One forwarding of a dossier (chuyển hồ sơ lên cấp trên): from the level whose council supported it to a higher level's standing agency",
})
export class RouteStepType {
  @Field(() => Int, { description: '1 for the first forwarding, 2 for the next, …' })
  stepNo!: number;

  @Field(() => ID)
  fromUnitId!: string;

  @Field()
  fromUnitName!: string;

  @Field(() => AuthorityLevel)
  fromLevel!: AuthorityLevel;

  @Field(() => ID)
  toUnitId!: string;

  @Field()
  toUnitName!: string;

  @Field(() => AuthorityLevel)
  toLevel!: AuthorityLevel;

  @Field(() => DateScalar)
  forwardedOn!: string;

  @Field(() => ID, { description: "The lower level's council session that supported it" })
  supportedInSessionId!: string;

  static of(step: RouteStep): RouteStepType {
    return {
      stepNo: step.stepNo,
      fromUnitId: step.fromUnitId,
      fromUnitName: step.fromUnitName,
      fromLevel: step.fromLevel,
      toUnitId: step.toUnitId,
      toUnitName: step.toUnitName,
      toLevel: step.toLevel,
      forwardedOn: step.forwardedOn,
      supportedInSessionId: step.supportedInSessionId,
    };
  }
}

@ObjectType('DossierProposal', { description: 'The proposal memo (tờ trình) that carries a dossier' })
export class DossierProposalType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The memo number (số tờ trình)' })
  number!: string;

  @Field(() => DateScalar)
  proposedOn!: string;
}
