import { AuthorityLevel, PeriodKind, type Period } from '../../src/shared/domain';
import { InvalidInput } from '../../src/shared/errors';
import type { InitiativeRecognized } from '../../src/initiatives/initiative.events';
import { initiativeDecider, type RecognizeInitiative } from '../../src/initiatives/initiative.decider';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(initiativeDecider));
const NOW = '2023-11-15T03:00:00.000Z';
const Y2023: Period = { kind: PeriodKind.SCHOOL_YEAR, year: 2023 };
const an = { personId: 'p-1', name: 'Nguyễn Văn An' };
const binh = { personId: 'p-2', name: 'Lê Thị Bình' };

function recognize(overrides: Partial<RecognizeInitiative['data']> = {}): RecognizeInitiative {
  return {
    type: 'RecognizeInitiative',
    data: {
      initiativeId: 'i-1',
      title: 'Ứng dụng phần mềm quản lý hồ sơ thi đua',
      authors: [an, binh],
      level: AuthorityLevel.DISTRICT,
      period: Y2023,
      decisionNumber: '123/QĐ-UBND',
      now: NOW,
      ...overrides,
    },
  };
}

const recognized: InitiativeRecognized = {
  type: 'InitiativeRecognized',
  data: {
    initiativeId: 'i-1',
    title: 'Ứng dụng phần mềm quản lý hồ sơ thi đua',
    authors: [an, binh],
    level: AuthorityLevel.DISTRICT,
    period: Y2023,
    decisionNumber: '123/QĐ-UBND',
    recognizedAt: NOW,
  },
};

describe('RecognizeInitiative', () => {
  it('given nothing, when an initiative with two authors is recognised, then InitiativeRecognized', () => {
    spec.given([]).when(recognize()).then([recognized]);
  });

  it('accepts a single author (the minimum)', () => {
    const events = spec
      .given([])
      .when(recognize({ authors: [an] }))
      .events();
    expect(events[0].data.authors).toEqual([an]);
  });

  it('refuses an initiative without authors', () => {
    spec
      .given([])
      .when(recognize({ authors: [] }))
      .thenThrows(InvalidInput, { field: 'authorIds' });
  });

  it('refuses the same author twice', () => {
    spec
      .given([])
      .when(recognize({ authors: [an, binh, { ...an }] }))
      .thenThrows(InvalidInput, { field: 'authorIds' });
  });

  it('given a recognised initiative, when recognised again, then ALREADY_EXISTS', () => {
    spec.given([recognized]).when(recognize()).thenThrows('ALREADY_EXISTS', { initiativeId: 'i-1' });
  });

  it.each(Object.values(AuthorityLevel))('records the level %s', (level) => {
    expect(spec.given([]).when(recognize({ level })).events()[0].data.level).toBe(level);
  });

  it('refuses an unknown level, an empty title or decision number, a year out of range', () => {
    spec
      .given([])
      .when(recognize({ level: 'VILLAGE' as AuthorityLevel }))
      .thenThrows(InvalidInput, { field: 'level' });
    spec
      .given([])
      .when(recognize({ title: '  ' }))
      .thenThrows(InvalidInput, { field: 'title' });
    spec
      .given([])
      .when(recognize({ decisionNumber: '' }))
      .thenThrows(InvalidInput, { field: 'decisionNumber' });
    spec
      .given([])
      .when(recognize({ period: { kind: PeriodKind.CALENDAR_YEAR, year: 2101 } }))
      .thenThrows(InvalidInput, { field: 'period.year' });
  });

  it('keeps the initiative in state', () => {
    expect(spec.given([]).when(recognize()).stateAfter()).toMatchObject({
      status: 'RECOGNIZED',
      initiativeId: 'i-1',
      authors: [an, binh],
    });
  });
});
