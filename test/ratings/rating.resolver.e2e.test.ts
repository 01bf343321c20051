import { expectRefused, mutate, startTestApp, type TestApp } from '../support/app';
import { registerPerson, registerUnit } from '../support/reference';
import { streamEvents, typeAndData } from '../support/streams';

const RATE = `mutation($input: RatePerformanceInput!) { ratePerformance(input: $input) { id streamId version position eventTypes } }`;

describe('task-performance ratings over GraphQL', () => {
  let t: TestApp;
  let clock = new Date('2023-12-25T01:00:00.000Z');
  beforeAll(async () => {
    t = await startTestApp({ now: () => clock });
    await registerUnit(t, { id: 'so-tu-phap', name: 'Sở Tư pháp', kind: 'AGENCY', level: 'PROVINCE' });
    await registerPerson(t, {
      id: 'cb-le-van-hung',
      fullName: 'Lê Văn Hùng',
      unitId: 'so-tu-phap',
      position: 'Chuyên viên',
      directWorker: false,
    });
  });
  afterAll(async () => t.stop());

  const person = { kind: 'INDIVIDUAL', id: 'cb-le-van-hung' };
  const period = { kind: 'CALENDAR_YEAR', year: 2023 };
  const KEY = 'INDIVIDUAL:cb-le-van-hung:CALENDAR_YEAR:2023';
  const STREAM = `rating-${KEY}`;

  it('rates a person, then a correction supersedes the first rating and keeps it in history', async () => {
    const first = await mutate(t, RATE, { input: { subject: person, period, rating: 'GOOD' } });
    expect(first).toMatchObject({ id: KEY, streamId: STREAM, version: 1, eventTypes: ['PerformanceRated'] });
    clock = new Date('2024-01-05T01:00:00.000Z');
    const correction = await mutate(t, RATE, { input: { subject: person, period, rating: 'EXCELLENT' } });
    expect(correction).toMatchObject({ streamId: STREAM, version: 2 });
    expect((await streamEvents(t, STREAM)).map(typeAndData)).toEqual([
      {
        type: 'PerformanceRated',
        data: {
          subject: { kind: 'INDIVIDUAL', id: 'cb-le-van-hung', name: 'Lê Văn Hùng' },
          subjectUnitId: 'so-tu-phap',
          period: { kind: 'CALENDAR_YEAR', year: 2023 },
          rating: 'GOOD',
          previousRating: null,
          ratedAt: '2023-12-25T01:00:00.000Z',
        },
      },
      {
        type: 'PerformanceRated',
        data: {
          subject: { kind: 'INDIVIDUAL', id: 'cb-le-van-hung', name: 'Lê Văn Hùng' },
          subjectUnitId: 'so-tu-phap',
          period: { kind: 'CALENDAR_YEAR', year: 2023 },
          rating: 'EXCELLENT',
          previousRating: 'GOOD',
          ratedAt: '2024-01-05T01:00:00.000Z',
        },
      },
    ]);
  });

  it('refuses a "correction" to the same rating', async () => {
    await expectRefused(
      t,
      [STREAM],
      RATE,
      { input: { subject: person, period, rating: 'EXCELLENT' } },
      { code: 'RULE_VIOLATION', rule: 'RATING_UNCHANGED', rating: 'EXCELLENT' },
    );
  });

  it('rates a collective for a school year on its own stream', async () => {
    const result = await mutate(t, RATE, {
      input: {
        subject: { kind: 'COLLECTIVE', id: 'so-tu-phap' },
        period: { kind: 'SCHOOL_YEAR', year: 2022 },
        rating: 'COMPLETED',
      },
    });
    expect(result.streamId).toBe('rating-COLLECTIVE:so-tu-phap:SCHOOL_YEAR:2022');
    const [rated] = await streamEvents(t, result.streamId);
    expect(rated.data).toMatchObject({
      subject: { kind: 'COLLECTIVE', id: 'so-tu-phap', name: 'Sở Tư pháp' },
      subjectUnitId: 'so-tu-phap',
      rating: 'COMPLETED',
      previousRating: null,
    });
  });

  it('refuses unknown subjects and malformed input, appending nothing', async () => {
    await expectRefused(
      t,
      ['rating-INDIVIDUAL:nguoi-khong-co:CALENDAR_YEAR:2023'],
      RATE,
      { input: { subject: { kind: 'INDIVIDUAL', id: 'nguoi-khong-co' }, period, rating: 'GOOD' } },
      {
        code: 'NOT_FOUND',
        entity: 'Person',
        id: 'nguoi-khong-co',
      },
    );
    await expectRefused(
      t,
      ['rating-COLLECTIVE:so-khong-co:CALENDAR_YEAR:2023'],
      RATE,
      { input: { subject: { kind: 'COLLECTIVE', id: 'so-khong-co' }, period, rating: 'GOOD' } },
      {
        code: 'NOT_FOUND',
        entity: 'Unit',
      },
    );
    await expectRefused(
      t,
      [STREAM],
      RATE,
      { input: { subject: person, period, rating: 'OUTSTANDING' } },
      { code: 'BAD_USER_INPUT' },
    );
    const year = await expectRefused(
      t,
      ['rating-INDIVIDUAL:cb-le-van-hung:CALENDAR_YEAR:1900'],
      RATE,
      { input: { subject: person, period: { kind: 'CALENDAR_YEAR', year: 1900 }, rating: 'GOOD' } },
      {
        code: 'BAD_USER_INPUT',
      },
    );
    expect(year.extensions?.validationErrors[0].field).toBe('period.year');
  });
});
