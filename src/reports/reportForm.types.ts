import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ReportFormColumn', {
  description: 'A column of a statistics form, numbered as the official form numbers it',
})
export class ReportFormColumnType {
  @Field() code!: string;
  @Field() label!: string;
  @Field(() => String, { nullable: true, description: 'The merged heading over this column and its neighbours' })
  group!: string | null;
}

@ObjectType('ReportFormRow', { description: 'A coded row of a statistics form' })
export class ReportFormRowType {
  @Field({ description: 'Mã số' }) code!: string;
  @Field() label!: string;
  @Field(() => String, { nullable: true, description: 'Đơn vị tính, where the form names one per row' })
  measure!: string | null;
  @Field(() => [Int], {
    nullable: 'items',
    description: 'One value per column; null where the log does not record what the row counts',
  })
  values!: Array<number | null>;
}

@ObjectType('ReportForm', {
  description: 'A statutory statistics form of Circular 02/2023/TT-BNV (biểu 0601–0605.N/BNV-TĐKT) for a period',
})
export class ReportFormType {
  @Field({ description: 'e.g. 0601.N/BNV-TĐKT' }) code!: string;
  @Field() title!: string;
  @Field({ description: 'The legal source of the layout' }) source!: string;
  @Field(() => String, { nullable: true }) measure!: string | null;
  @Field(() => [ReportFormColumnType]) columns!: ReportFormColumnType[];
  @Field(() => [ReportFormRowType]) rows!: ReportFormRowType[];
}
