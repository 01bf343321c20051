import 'reflect-metadata';
import { IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { graphql, type GraphQLSchema } from 'graphql';
import { Arg, buildSchema, Field, InputType, Int, Query, Resolver } from 'type-graphql';
import { validateArgument } from '../../src/graphql/argumentValidation';

@InputType()
class InnerProbeInput {
  @Field(() => Int)
  @Min(1)
  @Max(5)
  level!: number;
}

@InputType()
class ProbeInput {
  @Field()
  @Length(2, 10)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(3, 3)
  code?: string;

  @Field(() => InnerProbeInput, { nullable: true })
  @ValidateNested()
  inner?: InnerProbeInput;
}

@Resolver()
class ProbeResolver {
  @Query(() => String)
  probeOne(@Arg('input', () => ProbeInput) input: ProbeInput): string {
    return input.name;
  }

  @Query(() => Int)
  probeMany(@Arg('inputs', () => [ProbeInput]) inputs: ProbeInput[], @Arg('limit', () => Int) limit: number): number {
    return Math.min(inputs.length, limit);
  }
}

const QUERIES = [
  '{ probeOne(input: { name: "ok" }) }',
  '{ probeOne(input: { name: "x" }) }',
  '{ probeOne(input: { name: "ok", code: "toolong" }) }',
  '{ probeOne(input: { name: "ok", inner: { level: 9 } }) }',
  '{ probeOne(input: { name: "", code: "1", inner: { level: 0 } }) }',
  '{ probeMany(inputs: [{ name: "ok" }, { name: "y" }], limit: 5) }',
  '{ probeMany(inputs: [{ name: "ok" }, { name: "fine" }], limit: 1) }',
];

describe('validateArgument', () => {
  let builtIn: GraphQLSchema;
  let ours: GraphQLSchema;
  beforeAll(async () => {
    builtIn = await buildSchema({ resolvers: [ProbeResolver], validate: { forbidUnknownValues: false } });
    ours = await buildSchema({ resolvers: [ProbeResolver], validateFn: validateArgument });
  });

  it.each(QUERIES)('answers %s exactly as type-graphql’s own validation does', async (source) => {
    const expected = JSON.parse(JSON.stringify(await graphql({ schema: builtIn, source })));
    const actual = JSON.parse(JSON.stringify(await graphql({ schema: ours, source })));
    expect(actual).toEqual(expected);
  });

  it('checks a value of another class, or a changed field, on its own terms', async () => {
    await expect(
      validateArgument(
        Object.assign(new ProbeInput(), { name: 'same', inner: Object.assign(new InnerProbeInput(), { level: 2 }) }),
      ),
    ).resolves.toBeUndefined();
    await expect(
      validateArgument(
        Object.assign(new ProbeInput(), { name: 'same', inner: Object.assign(new InnerProbeInput(), { level: 7 }) }),
      ),
    ).rejects.toThrow();
    await expect(validateArgument(Object.assign(new InnerProbeInput(), { level: 9 }))).rejects.toThrow();
    await expect(
      validateArgument([
        Object.assign(new InnerProbeInput(), { level: 3 }),
        Object.assign(new InnerProbeInput(), { level: Infinity }),
      ]),
    ).rejects.toThrow();
  });

  it('refuses bad input with BAD_USER_INPUT and the failed constraints', async () => {
    const result = await graphql({ schema: ours, source: QUERIES[1] });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const [problem] = result.errors![0].extensions!.validationErrors as Array<{
      property: string;
      constraints: Record<string, string>;
    }>;
    expect(problem.property).toBe('name');
    expect(Object.keys(problem.constraints)).toEqual(['isLength']);
  });
});
