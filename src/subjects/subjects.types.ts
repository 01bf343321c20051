import { Field, Float, ObjectType } from 'type-graphql';
import { SubjectType } from '../graphql/common.types';

@ObjectType('SubjectHit')
export class SubjectHitType {
  @Field(() => SubjectType)
  subject!: SubjectType;

  @Field(() => String, { nullable: true, description: "A person's unit, or a unit's parent" })
  unitName!: string | null;

  @Field(() => Float, {
    description:
      'Higher is better: 2 for the whole name, 1 for a name starting with the text, plus trigram word similarity',
  })
  score!: number;
}
