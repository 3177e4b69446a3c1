import type { Directive } from 'vue';

/**
 * `v-table-a11y` on an `el-table`: one table for assistive technology.
 *
 * Element Plus draws the header row and the body rows as two separate `<table>` elements (so the
 * body can scroll under a fixed header). Read as they are, the body cells belong to a table without
 * headers: a screen reader announces "202612070002" with no "工单编号", and axe reports the cells as
 * not tied to headers. This gives the whole component the ARIA table roles (table › rowgroup › row ›
 * columnheader / cell) and turns the two inner `<table>`s into presentation, so the headers name
 * every cell of their column. It also:
 * - names each row's checkbox after the row (`选择 <text of the row's [data-row-name]>`) and the
 *   header's one 选择本页全部, instead of Element Plus's "选择行" on every row;
 * - makes sortable headers keyboard-operable (Tab, Enter/Space sort as a click does) and states the
 *   order in `aria-sort`.
 * Element Plus re-renders rows freely (paging, live updates), so a MutationObserver applies the
 * roles again to whatever it adds.
 */
export interface TableA11yOptions {
  /** The table's accessible name (e.g. 工单列表). */
  label?: string;
}

const SORT_KEYS = new Set(['Enter', ' ']);

function setRole(el: Element, role: string): void {
  if (el.getAttribute('role') !== role) el.setAttribute('role', role);
}

function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function sortOrder(th: Element): string | null {
  if (!th.classList.contains('is-sortable')) return null;
  if (th.classList.contains('ascending')) return 'ascending';
  if (th.classList.contains('descending')) return 'descending';
  return 'none';
}

function onSortKey(event: Event): void {
  const key = (event as KeyboardEvent).key;
  if (!SORT_KEYS.has(key)) return;
  event.preventDefault();
  (event.currentTarget as HTMLElement).click();
}

function applyHeader(th: HTMLTableCellElement, columns: number): void {
  setRole(th, 'columnheader');
  const order = sortOrder(th);
  setAttr(th, 'aria-sort', order);
  if (order !== null) {
    setAttr(th, 'tabindex', '0');
    if (!th.dataset.a11ySort) {
      th.dataset.a11ySort = '1';
      th.addEventListener('keydown', onSortKey);
    }
  }
  const box = th.querySelector('input[type="checkbox"]');
  if (box) setAttr(box, 'aria-label', '选择本页全部');
  setAttr(th, 'aria-colspan', th.colSpan > 1 ? String(Math.min(th.colSpan, columns)) : null);
}

function applyRow(tr: HTMLElement): void {
  setRole(tr, 'row');
  for (const td of Array.from(tr.children)) setRole(td, td.tagName === 'TH' ? 'columnheader' : 'cell');
  const box = tr.querySelector('td input[type="checkbox"]');
  const name = tr.querySelector('[data-row-name]')?.textContent?.trim();
  if (box && name) setAttr(box, 'aria-label', `选择 ${name}`);
}

/** Applies the roles to the table's current DOM; safe to run any number of times. */
export function applyTableA11y(root: HTMLElement, options: TableA11yOptions = {}): void {
  setRole(root, 'table');
  setAttr(root, 'aria-label', options.label ?? null);
  for (const table of Array.from(root.querySelectorAll('table'))) setRole(table, 'presentation');
  for (const group of Array.from(root.querySelectorAll('thead, tbody, tfoot'))) setRole(group, 'rowgroup');
  const headerCells = root.querySelectorAll<HTMLTableCellElement>('thead th');
  const columns = headerCells.length;
  for (const th of Array.from(headerCells)) applyHeader(th, columns);
  for (const tr of Array.from(root.querySelectorAll<HTMLElement>('tr'))) {
    if (tr.parentElement?.tagName === 'THEAD') setRole(tr, 'row');
    else applyRow(tr);
  }
  // The empty state ("暂无数据") sits inside the table: a row with one cell across all columns.
  const empty = root.querySelector('.el-table__empty-block');
  if (empty) {
    setRole(empty, 'row');
    const text = empty.querySelector('.el-table__empty-text');
    if (text) {
      setRole(text, 'cell');
      setAttr(text, 'aria-colspan', columns > 0 ? String(columns) : null);
    }
  }
}

const observers = new WeakMap<HTMLElement, MutationObserver>();
const optionsOf = new WeakMap<HTMLElement, TableA11yOptions | undefined>();

export const vTableA11y: Directive<HTMLElement, TableA11yOptions | undefined> = {
  mounted(el, binding) {
    optionsOf.set(el, binding.value);
    let queued = false;
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        applyTableA11y(el, optionsOf.get(el));
      });
    });
    // Attributes too: a header's sort classes change without any node being added.
    observer.observe(el, { childList: true, subtree: true, characterData: true, attributeFilter: ['class'] });
    observers.set(el, observer);
    applyTableA11y(el, binding.value);
  },
  updated(el, binding) {
    optionsOf.set(el, binding.value);
    applyTableA11y(el, binding.value);
  },
  unmounted(el) {
    observers.get(el)?.disconnect();
    observers.delete(el);
    optionsOf.delete(el);
  },
};
