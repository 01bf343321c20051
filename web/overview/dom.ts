const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** `2024-05-06` as `06/05/2024`. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/** A cell: text, or a figure shown in Vietnamese notation with its exact value in `data-value`. */
export type Cell = string | { figure: number } | { text: string; className: string };

function cellElement(cell: Cell): HTMLTableCellElement {
  const td = document.createElement('td');
  if (typeof cell === 'string') td.textContent = cell;
  else if ('figure' in cell) {
    td.textContent = formatNumber(cell.figure);
    td.dataset.value = String(cell.figure);
    td.className = 'figure';
  } else {
    td.textContent = cell.text;
    td.className = cell.className;
  }
  return td;
}

/** Fills `table` with a header row and one row per entry; `emptyText` when there are none. */
export function fillTable(table: HTMLTableElement, headings: string[], rows: Cell[][], emptyText = 'Không có'): void {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const heading of headings) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = heading;
    head.append(th);
  }
  const body = table.createTBody();
  if (rows.length === 0) {
    const td = body.insertRow().insertCell();
    td.colSpan = headings.length;
    td.className = 'empty';
    td.textContent = emptyText;
  }
  for (const row of rows) body.insertRow().append(...row.map(cellElement));
}

/** Shows `text` in the panel's note and hides its content (when `hideBody`), or clears the note. */
export function setPanelNote(panelId: string, text: string | null, hideBody = true): void {
  const panel = byId(panelId);
  const note = panel.querySelector<HTMLElement>('.note');
  const body = panel.querySelector<HTMLElement>('.panel-body');
  if (note) {
    note.textContent = text ?? '';
    note.hidden = text === null;
  }
  if (body) body.hidden = text !== null && hideBody;
  panel.dataset.state = text === null ? 'shown' : hideBody ? 'hidden' : 'noted';
}

export function fillSelect(select: HTMLSelectElement, options: Array<{ value: string; label: string }>): void {
  select.replaceChildren(...options.map(({ value, label }) => new Option(label, value)));
}
