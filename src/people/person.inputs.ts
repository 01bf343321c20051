import { IsBoolean, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN, NAME_MAX } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';

@InputType('RegisterPersonInput')
export class RegisterPersonInput {
  @GeneratedIdField()
  id?: string | null;

  @Field()
  @Length(1, NAME_MAX)
  fullName!: string;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `unitId ${ID_MESSAGE}` })
  unitId!: string;

  @Field(() => String, { nullable: true, description: 'Job title (chức vụ)' })
  @IsOptional()
  @Length(1, NAME_MAX)
  position?: string | null;

  @Field({ description: 'A direct worker: worker, farmer (người lao động trực tiếp)' })
  @IsBoolean()
  directWorker!: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  female?: boolean | null;
}

@InputType('TransferPersonInput', { description: 'The person belongs to the new unit from effectiveOn' })
export class TransferPersonInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `personId ${ID_MESSAGE}` })
  personId!: string;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `toUnitId ${ID_MESSAGE}` })
  toUnitId!: string;

  @Field(() => String, { nullable: true, description: 'Job title in the new unit (chức vụ)' })
  @IsOptional()
  @Length(1, NAME_MAX)
  position?: string | null;

  @Field(() => DateScalar)
  effectiveOn!: string;
}
