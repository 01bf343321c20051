import { Matches } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ID_MESSAGE, ID_PATTERN } from '../graphql/common.types';

@ArgsType()
export class PrintCertificateArgs {
  @Field(() => ID, { description: 'A Giấy khen or Bằng khen award that is not revoked' })
  @Matches(ID_PATTERN, { message: `awardId ${ID_MESSAGE}` })
  awardId!: string;
}
