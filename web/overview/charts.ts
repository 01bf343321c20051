import { BarChart, Interpolation, LineChart } from 'chartist';
import { query } from './api';
import { byId, fillSelect, fillTable, setPanelNote } from './dom';
import { runPanel } from './panel';

export interface YearTotals {
  period: { year: number; label: string };
  awards: Array<{ count: number }>;
  dossiers: { submitted: number; granted: number };
  complaints: { filed: number; overdue: number };
  rewardVnd: number;
}

const SERIES_QUERY = `query OverviewTotals($fromYear: Int!, $toYear: Int!) {
  yearlyTotalsSeries(fromYear: $fromYear, toYear: $toYear, kind: CALENDAR_YEAR) {
    period { year label }
    awards { count }
    dossiers { submitted granted }
    complaints { filed overdue }
    rewardVnd
  }
}`;

const CLUSTERS_QUERY = `query OverviewClusters { clusters { id name } }`;

const STANDINGS_QUERY = `query OverviewStandings($year: Int!, $clusterId: ID!) {
  clusterStandings(year: $year, clusterId: $clusterId) {
    clusterName year finalized
    rows { rank unitName totalPoints proposedForFlag }
  }
}`;

/** The trend shows this many years, ending with the current one. */
export const TREND_YEARS = 10;

export function awardTotal(totals: YearTotals): number {
  return totals.awards.reduce((sum, kind) => sum + kind.count, 0);
}

const TREND_SERIES: Array<{ label: string; of: (t: YearTotals) => number }> = [
  { label: 'Hồ sơ đề nghị', of: (t) => t.dossiers.submitted },
  { label: 'Khen thưởng đã quyết định', of: awardTotal },
  { label: 'Đơn khiếu nại, tố cáo, kiến nghị', of: (t) => t.complaints.filed },
];

function drawLegend(chart: HTMLElement, labels: string[]): void {
  chart.parentElement?.querySelector('.legend')?.remove();
  const legend = document.createElement('ul');
  legend.className = 'legend';
  labels.forEach((label, index) => {
    const item = document.createElement('li');
    item.className = `legend-${String.fromCharCode(97 + index)}`;
    item.textContent = label;
    legend.append(item);
  });
  chart.after(legend);
}

/** Yearly totals over the last TREND_YEARS years: a trend chart and its table. Answers the years. */
export async function loadTotals(currentYear: number): Promise<YearTotals[]> {
  const { yearlyTotalsSeries: years } = await query<{ yearlyTotalsSeries: YearTotals[] }>(SERIES_QUERY, {
    fromYear: currentYear - TREND_YEARS + 1,
    toYear: currentYear,
  });
  const chart = byId('totals-chart');
  chart.replaceChildren();
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', 'Biểu đồ xu hướng theo năm: hồ sơ đề nghị, khen thưởng, đơn thư');
  new LineChart(
    chart,
    { labels: years.map((t) => t.period.label), series: TREND_SERIES.map((s) => years.map(s.of)) },
    {
      fullWidth: true,
      height: '260px',
      low: 0,
      // Straight segments: a smoothed curve would dip below zero and peak above the counts.
      lineSmooth: Interpolation.none(),
      axisY: { onlyInteger: true },
      chartPadding: { right: 40 },
    },
  );
  drawLegend(
    chart,
    TREND_SERIES.map((s) => s.label),
  );
  fillTable(
    byId<HTMLTableElement>('totals-table'),
    ['Năm', 'Hồ sơ đề nghị', 'Hồ sơ được khen', 'Khen thưởng', 'Đơn thư', 'Đơn quá hạn', 'Tiền thưởng (đồng)'],
    years.map((t) => [
      t.period.label,
      { figure: t.dossiers.submitted },
      { figure: t.dossiers.granted },
      { figure: awardTotal(t) },
      { figure: t.complaints.filed },
      { figure: t.complaints.overdue },
      { figure: t.rewardVnd },
    ]),
  );
  return years;
}

interface Standings {
  clusterName: string;
  year: number;
  finalized: boolean;
  rows: Array<{ rank: number; unitName: string; totalPoints: number; proposedForFlag: boolean }>;
}

async function drawStandings(clusterId: string, year: number): Promise<void> {
  const { clusterStandings: standings } = await query<{ clusterStandings: Standings }>(STANDINGS_QUERY, {
    year,
    clusterId,
  });
  const chart = byId('standings-chart');
  chart.replaceChildren();
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', `Biểu đồ điểm thi đua của ${standings.clusterName} năm ${standings.year}`);
  new BarChart(
    chart,
    { labels: standings.rows.map((r) => r.unitName), series: [standings.rows.map((r) => r.totalPoints)] },
    {
      horizontalBars: true,
      reverseData: true,
      height: `${Math.max(160, 44 * standings.rows.length + 40)}px`,
      axisY: { offset: 160 },
      axisX: { onlyInteger: true },
      // Room for the last label of the axis (e.g. 100) beyond the plot's right edge.
      chartPadding: { right: 30 },
    },
  );
  const status = standings.finalized ? 'đã chốt xếp hạng' : 'chưa chốt xếp hạng';
  byId('standings-status').textContent = `${standings.clusterName}, năm ${standings.year}: ${status}`;
  fillTable(
    byId<HTMLTableElement>('standings-table'),
    ['Hạng', 'Đơn vị', 'Tổng điểm', 'Đề nghị cờ thi đua'],
    standings.rows.map((r) => [
      { figure: r.rank },
      r.unitName,
      { figure: r.totalPoints },
      r.proposedForFlag ? 'Có' : '',
    ]),
    'Chưa có đơn vị nào được chấm điểm',
  );
}

/** The year whose standings open first: the latest with any dossier or award, else the current one. */
function latestActiveYear(years: YearTotals[], currentYear: number): number {
  const active = years.filter((t) => t.dossiers.submitted > 0 || awardTotal(t) > 0);
  return active.length > 0 ? active[active.length - 1].period.year : currentYear;
}

/** Cluster standings as a bar chart and a table, for the cluster and year picked. */
export async function loadStandings(years: YearTotals[], currentYear: number): Promise<void> {
  const { clusters } = await query<{ clusters: Array<{ id: string; name: string }> }>(CLUSTERS_QUERY);
  if (clusters.length === 0) {
    setPanelNote('standings', 'Chưa có cụm, khối thi đua nào.');
    return;
  }
  const clusterSelect = byId<HTMLSelectElement>('cluster-select');
  const yearSelect = byId<HTMLSelectElement>('year-select');
  fillSelect(
    clusterSelect,
    clusters.map((c) => ({ value: c.id, label: c.name })),
  );
  const yearOptions = years.length > 0 ? years.map((t) => t.period.year) : [currentYear];
  fillSelect(
    yearSelect,
    [...yearOptions].reverse().map((y) => ({ value: String(y), label: String(y) })),
  );
  yearSelect.value = String(latestActiveYear(years, currentYear));
  const draw = () => drawStandings(clusterSelect.value, Number(yearSelect.value));
  const redraw = () => void runPanel('standings', draw);
  clusterSelect.onchange = redraw;
  yearSelect.onchange = redraw;
  await draw();
}
