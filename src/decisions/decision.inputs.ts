import { ArrayMaxSize, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ID_MESSAGE, ID_PATTERN, NAME_MAX, YearField } from '../graphql/common.types';
import { DateScalar } from '../graphql/scalars';

const GROUND_MAX = 1_000;
const GROUNDS_MAX = 30;
const ENTRIES_MAX = 500;

/** A decision is named by its issuing unit, year and number (numbering restarts each 1 January). */
@ArgsType()
export class DecisionKeyArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `issuedByUnitId ${ID_MESSAGE}` })
  issuedByUnitId!: string;

  @YearField()
  year!: number;

  @Field({ description: 'Số quyết định, e.g. 12/QĐ-UBND' })
  @Length(1, NAME_MAX)
  number!: string;
}

@InputType('DecisionDraftInput', {
  description:
    'A decision drafted in the system: its number is used once per issuing unit and year; the amounts are computed',
})
export class DecisionDraftInput {
  @Field(() => ID, { description: 'The unit whose head signs' })
  @Matches(ID_PATTERN, { message: `issuedByUnitId ${ID_MESSAGE}` })
  issuedByUnitId!: string;

  @YearField()
  year!: number;

  @Field({ description: 'Số quyết định, e.g. 12/QĐ-UBND' })
  @Length(1, NAME_MAX)
  number!: string;

  @Field(() => DateScalar, { description: 'Within `year`' })
  decidedOn!: string;

  @Field({ description: 'Địa danh of the date line, e.g. Bạch Thông' })
  @Length(1, NAME_MAX)
  place!: string;

  @Field()
  @Length(1, NAME_MAX)
  signerName!: string;

  @Field({ description: 'E.g. CHỦ TỊCH, or KT. CHỦ TỊCH / PHÓ CHỦ TỊCH' })
  @Length(1, NAME_MAX)
  signerTitle!: string;

  @Field({ description: 'Trích yếu, after "Về việc": e.g. khen thưởng danh hiệu Lao động tiên tiến năm 2025' })
  @Length(1, NAME_MAX)
  about!: string;

  @Field(() => [String], { description: 'Căn cứ ban hành: each line follows "Căn cứ"' })
  @ArrayMaxSize(GROUNDS_MAX)
  @Length(1, GROUND_MAX, { each: true })
  legalGrounds!: string[];

  @Field(() => [ID], { description: 'The APPROVED dossiers the decision grants, one recipient each' })
  @ArrayMaxSize(ENTRIES_MAX)
  @Matches(ID_PATTERN, { each: true, message: `dossierIds ${ID_MESSAGE}` })
  dossierIds!: string[];
}

export type DraftDecisionInput = DecisionDraftInput;
export type ReviseDecisionDraftInput = DecisionDraftInput;
