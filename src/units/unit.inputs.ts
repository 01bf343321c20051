import { IsBoolean, IsEnum, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN, NAME_MAX, TEXT_MAX } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';
import { AuthorityLevel, UnitKind } from '../shared/domain';

@InputType('RegisterUnitInput')
export class RegisterUnitInput {
  @GeneratedIdField()
  id?: string | null;

  @Field()
  @Length(1, NAME_MAX)
  name!: string;

  @Field(() => UnitKind)
  @IsEnum(UnitKind)
  kind!: UnitKind;

  @Field(() => AuthorityLevel)
  @IsEnum(AuthorityLevel)
  level!: AuthorityLevel;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `parentUnitId ${ID_MESSAGE}` })
  parentUnitId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, NAME_MAX)
  sector?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'A small collective (tập thể nhỏ)' })
  @IsOptional()
  @IsBoolean()
  small?: boolean | null;
}

@InputType('RenameUnitInput', { description: 'The new name holds from effectiveOn; earlier records keep the old one' })
export class RenameUnitInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `unitId ${ID_MESSAGE}` })
  unitId!: string;

  @Field()
  @Length(1, NAME_MAX)
  name!: string;

  @Field(() => DateScalar)
  effectiveOn!: string;
}

@InputType('MergeUnitInput', {
  description: 'The unit is merged into another one from effectiveOn; totals and histories follow the lineage',
})
export class MergeUnitInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `unitId ${ID_MESSAGE}` })
  unitId!: string;

  @Field(() => ID, { description: 'The surviving unit' })
  @Matches(ID_PATTERN, { message: `intoUnitId ${ID_MESSAGE}` })
  intoUnitId!: string;

  @Field(() => DateScalar)
  effectiveOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, TEXT_MAX)
  reason?: string | null;
}
