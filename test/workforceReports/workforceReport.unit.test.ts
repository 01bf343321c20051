import { InvalidInput, NotFound } from '../../src/shared/errors';
import {
  workforceReportDecider,
  workforceReportStreamKey,
  type ReportWorkforce,
} from '../../src/workforceReports/workforceReport.decider';
import type { WorkforceFigures, WorkforceReported } from '../../src/workforceReports/workforceReport.events';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';
import { workforceFigures } from '../support/workforceFigures';

const spec = deciderSpec(frozenDecider(workforceReportDecider));
const NOW = '2025-12-10T08:00:00.000Z';

function report(figures: WorkforceFigures = workforceFigures(), overrides: Partial<ReportWorkforce['data']> = {}) {
  return {
    type: 'ReportWorkforce',
    data: { unitId: 'tinh', year: 2025, figures, unitName: 'UBND tỉnh', now: NOW, ...overrides },
  } satisfies ReportWorkforce;
}

function reported(revision: number, figures: WorkforceFigures = workforceFigures()): WorkforceReported {
  return {
    type: 'WorkforceReported',
    data: { unitId: 'tinh', unitName: 'UBND tỉnh', year: 2025, figures, revision, reportedAt: NOW },
  };
}

function changed(change: (f: WorkforceFigures) => void): WorkforceFigures {
  const figures = workforceFigures();
  change(figures);
  return figures;
}

describe('workforce reports (forms 0604–0605)', () => {
  it('keys a stream by unit and year', () => {
    expect(workforceReportStreamKey('tinh', 2025)).toBe('tinh:2025');
  });

  it('records a first report as revision 1, a correction as the next revision', () => {
    spec
      .given([])
      .when(report())
      .then([reported(1)]);
    const corrected = changed((f) => (f.organisations.homeAffairsBoards = 2));
    spec
      .given([reported(1)])
      .when(report(corrected))
      .then([reported(2, corrected)]);
  });

  it('refuses the same figures again (FIGURES_UNCHANGED)', () => {
    spec
      .given([reported(1)])
      .when(report())
      .thenThrows('FIGURES_UNCHANGED', { revision: 1 });
  });

  it('refuses more women than people in a row (WOMEN_WITHIN_TOTAL)', () => {
    const figures = changed((f) => (f.byTraining.college = { total: 1, women: 2 }));
    spec
      .given([])
      .when(report(figures))
      .thenThrows('WOMEN_WITHIN_TOTAL', { rows: ['byTraining.college'] });
  });

  it('refuses seniority bands that count other people than the age bands (SENIORITY_MATCHES_AGE)', () => {
    spec
      .given([])
      .when(report(changed((f) => (f.bySeniority.over10Years.total = 6))))
      .thenThrows('SENIORITY_MATCHES_AGE');
    spec
      .given([])
      .when(report(changed((f) => (f.bySeniority.over10Years.women = 3))))
      .thenThrows('SENIORITY_MATCHES_AGE');
  });

  it('refuses training rows counting more people than reported (TRAINING_WITHIN_TOTAL)', () => {
    spec
      .given([])
      .when(report(changed((f) => (f.byTraining.university.total = 13))))
      .thenThrows('TRAINING_WITHIN_TOTAL');
  });

  it('refuses counts that are not whole numbers from 0, a year out of range, and an unknown unit', () => {
    spec
      .given([])
      .when(report(changed((f) => (f.organisations.homeAffairsBoards = -1))))
      .thenThrows(InvalidInput, { field: 'organisations.homeAffairsBoards' });
    spec
      .given([])
      .when(report(changed((f) => (f.byAge.upTo30.total = 2.5))))
      .thenThrows(InvalidInput, { field: 'byAge.upTo30.total' });
    spec
      .given([])
      .when(report(undefined, { year: 1900 }))
      .thenThrows(InvalidInput, { field: 'year' });
    spec
      .given([])
      .when(report(undefined, { unitName: null }))
      .thenThrows(NotFound, { entity: 'Unit', id: 'tinh' });
  });
});
