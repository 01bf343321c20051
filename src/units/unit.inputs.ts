import { IsBoolean, IsEnum, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GeneratedIdField, ID_MESSAGE, ID_PATTERN, NAME_MAX } from '../graphql/common.types';
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
