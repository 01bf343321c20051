import 'chartist/dist/index.css';
import './overview.css';
import { developmentTokens, forgetToken, storedToken, storeToken, tokenClaims } from './api';
import { loadStandings, loadTotals, type YearTotals } from './charts';
import { byId, fillSelect } from './dom';
import { loadOverdueComplaints, loadProjections, loadQueue } from './lists';
import { runPanel, whenUnauthenticated } from './panel';

/** Today in the browser's time zone, as an ISO date. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const TODAY = localToday();

async function loadOverview(): Promise<void> {
  const currentYear = Number(TODAY.slice(0, 4));
  let years: YearTotals[] = [];
  await Promise.all([
    runPanel('totals', async () => {
      years = await loadTotals(currentYear);
    }).then(() => runPanel('standings', () => loadStandings(years, currentYear))),
    runPanel('queue', () => loadQueue(TODAY)),
    runPanel('complaints', () => loadOverdueComplaints(TODAY)),
    runPanel('projections', loadProjections),
  ]);
  document.body.dataset.loaded = 'true';
}

function showSignedIn(token: string): void {
  const claims = tokenClaims(token);
  byId('signed-in-as').textContent = claims.sub
    ? `Đăng nhập: ${claims.sub}${claims.role ? ` (${claims.role})` : ''}`
    : '';
  byId('sign-out').hidden = false;
  byId('sign-in').hidden = true;
  byId('overview').hidden = false;
  void loadOverview();
}

function showSignIn(message = ''): void {
  delete document.body.dataset.loaded;
  byId('signed-in-as').textContent = '';
  byId('sign-out').hidden = true;
  byId('overview').hidden = true;
  byId('sign-in').hidden = false;
  byId('sign-in-error').textContent = message;
}

function signIn(token: string): void {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  if (!trimmed) {
    byId('sign-in-error').textContent = 'Hãy dán mã truy cập.';
    return;
  }
  storeToken(trimmed);
  byId<HTMLTextAreaElement>('token-input').value = '';
  showSignedIn(trimmed);
}

/** In development mode the server lists this run's token of each role: picking one signs in with it. */
async function offerDevelopmentTokens(): Promise<void> {
  const tokens = await developmentTokens();
  if (!tokens) return;
  const select = byId<HTMLSelectElement>('dev-token-select');
  fillSelect(select, [
    { value: '', label: '—' },
    ...Object.entries(tokens).map(([role, token]) => ({ value: token, label: role })),
  ]);
  select.onchange = () => {
    if (select.value) signIn(select.value);
    select.value = '';
  };
  byId('dev-tokens').hidden = false;
}

function start(): void {
  const today = byId<HTMLTimeElement>('today');
  today.dateTime = TODAY;
  today.textContent = TODAY.split('-').reverse().join('/');
  whenUnauthenticated((message) => {
    forgetToken();
    showSignIn(`Máy chủ không chấp nhận mã truy cập (${message}). Hãy đăng nhập lại.`);
  });
  byId<HTMLFormElement>('sign-in-form').onsubmit = (event) => {
    event.preventDefault();
    signIn(byId<HTMLTextAreaElement>('token-input').value);
  };
  byId('sign-out').onclick = () => {
    forgetToken();
    showSignIn();
  };
  void offerDevelopmentTokens();
  const token = storedToken();
  if (token) showSignedIn(token);
  else showSignIn();
}

start();
