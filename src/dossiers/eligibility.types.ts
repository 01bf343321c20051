import { Field, ObjectType } from 'type-graphql';

@ObjectType('RuleCheck', { description: 'One named condition of a rule set, as the rule engine found it' })
export class RuleCheckType {
  @Field({ description: 'RATING, REGISTRATION, GRASSROOTS_RATIO_CAP, PENDING_COMPLAINT …' })
  rule!: string;

  @Field()
  passed!: boolean;

  @Field({ description: 'The numbers the finding rests on' })
  detail!: string;
}

@ObjectType('EligibilityReport')
export class EligibilityReportType {
  @Field({ description: 'Every check passed' })
  eligible!: boolean;

  @Field({ description: 'The rule set applied: tdkt-2013, tdkt-2022 or tdkt-2025' })
  ruleSet!: string;

  @Field(() => [RuleCheckType])
  checks!: RuleCheckType[];
}
