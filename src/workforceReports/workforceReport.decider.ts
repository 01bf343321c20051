import { canonicalJson } from '../eventStore/hashChain';
import { assertNever, type Decider } from '../shared/decider';
import { MAX_YEAR, MIN_YEAR, type IsoInstant } from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import type { HeadCount, WorkforceFigures, WorkforceReported, WorkforceReportEvent } from './workforceReport.events';

const WORKFORCE_REPORT_STREAM_TYPE = 'workforce_report';

/** The stream key for a unit and year: stream `workforce_report-<unitId>:<year>`. */
export function workforceReportStreamKey(unitId: string, year: number): string {
  return `${unitId}:${year}`;
}

export type WorkforceReportState =
  | { status: 'NONE' }
  | { status: 'REPORTED'; unitId: string; year: number; figures: WorkforceFigures; revision: number };

export interface ReportWorkforce {
  type: 'ReportWorkforce';
  data: {
    unitId: string;
    year: number;
    figures: WorkforceFigures;
    /** The unit's name, looked up by the handler; null when no such unit is registered. */
    unitName: string | null;
    now: IsoInstant;
  };
}

export type WorkforceReportCommand = ReportWorkforce;

function evolveWorkforceReport(state: WorkforceReportState, event: WorkforceReportEvent): WorkforceReportState {
  switch (event.type) {
    case 'WorkforceReported': {
      const { unitId, year, figures, revision } = event.data;
      return { status: 'REPORTED', unitId, year, figures, revision };
    }
    default:
      return assertNever(event.type, 'workforce report event');
  }
}

/** Every head count of form 0605, named by its group and row. */
function headCounts(figures: WorkforceFigures): Array<[string, HeadCount]> {
  return (['byAge', 'byTraining', 'bySeniority'] as const).flatMap((group) =>
    Object.entries(figures[group]).map(([row, count]): [string, HeadCount] => [`${group}.${row}`, count]),
  );
}

function sum(counts: Record<string, HeadCount>): HeadCount {
  return Object.values(counts).reduce((a, c) => ({ total: a.total + c.total, women: a.women + c.women }), {
    total: 0,
    women: 0,
  });
}

/** Counts are whole numbers from 0 (a form's cell). */
function checkWholeCounts(figures: WorkforceFigures): void {
  const cells: Array<[string, number]> = [
    ...Object.entries(figures.organisations).map(([row, n]): [string, number] => [`organisations.${row}`, n]),
    ...headCounts(figures).flatMap(([row, c]): Array<[string, number]> => [
      [`${row}.total`, c.total],
      [`${row}.women`, c.women],
    ]),
  ];
  for (const [field, value] of cells)
    if (!Number.isInteger(value) || value < 0 || value > 1_000_000)
      throw new InvalidInput(`${field} must be a whole number from 0 to 1000000`, field);
}

/** WOMEN_WITHIN_TOTAL: no row counts more women than people. */
function checkWomenWithinTotal(figures: WorkforceFigures): void {
  const over = headCounts(figures).filter(([, c]) => c.women > c.total);
  if (over.length > 0)
    throw new RuleViolation('WOMEN_WITHIN_TOTAL', `more women than people in ${over.map(([row]) => row).join(', ')}`, {
      rows: over.map(([row]) => row),
    });
}

/**
 * SENIORITY_MATCHES_AGE: age bands and seniority bands each divide the same people (form
 * 0605 row 01). TRAINING_WITHIN_TOTAL: training rows count only people with those levels.
 */
function checkGroupsAddUp(figures: WorkforceFigures): void {
  const byAge = sum(figures.byAge);
  const bySeniority = sum(figures.bySeniority);
  if (byAge.total !== bySeniority.total || byAge.women !== bySeniority.women)
    throw new RuleViolation(
      'SENIORITY_MATCHES_AGE',
      `the seniority bands count ${bySeniority.total} people (${bySeniority.women} women), the age bands ${byAge.total} (${byAge.women})`,
      { byAge, bySeniority },
    );
  const byTraining = sum(figures.byTraining);
  if (byTraining.total > byAge.total || byTraining.women > byAge.women)
    throw new RuleViolation(
      'TRAINING_WITHIN_TOTAL',
      `the training rows count ${byTraining.total} people (${byTraining.women} women), more than the ${byAge.total} (${byAge.women}) reported`,
      { byAge, byTraining },
    );
}

function reportWorkforce(data: ReportWorkforce['data'], state: WorkforceReportState): WorkforceReported[] {
  const { unitId, year, figures } = data;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw new InvalidInput(`year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}`, 'year');
  if (data.unitName === null) throw new NotFound('Unit', unitId);
  if (state.status === 'REPORTED' && (state.unitId !== unitId || state.year !== year))
    throw new InvalidInput(
      `this stream reports ${state.unitId} for ${state.year}, not ${unitId} for ${year}`,
      'unitId',
    );
  checkWholeCounts(figures);
  checkWomenWithinTotal(figures);
  checkGroupsAddUp(figures);
  // Key order differs once stored (jsonb): compare canonical forms.
  if (state.status === 'REPORTED' && canonicalJson(state.figures) === canonicalJson(figures))
    throw new RuleViolation('FIGURES_UNCHANGED', `${unitId} already reported these figures for ${year}`, {
      revision: state.revision,
    });
  return [
    {
      type: 'WorkforceReported',
      data: {
        unitId,
        unitName: data.unitName,
        year,
        figures,
        revision: state.status === 'REPORTED' ? state.revision + 1 : 1,
        reportedAt: data.now,
      },
    },
  ];
}

function decideWorkforceReport(command: WorkforceReportCommand, state: WorkforceReportState): WorkforceReportEvent[] {
  switch (command.type) {
    case 'ReportWorkforce':
      return reportWorkforce(command.data, state);
    default:
      return assertNever(command.type, 'workforce report command');
  }
}

export const workforceReportDecider: Decider<WorkforceReportCommand, WorkforceReportEvent, WorkforceReportState> = {
  streamType: WORKFORCE_REPORT_STREAM_TYPE,
  initialState: () => ({ status: 'NONE' }),
  evolve: evolveWorkforceReport,
  decide: decideWorkforceReport,
};
