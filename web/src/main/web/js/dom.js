// Small DOM helpers. Every text from the API goes in as a text node (never as HTML), so nothing a user typed can
// run as script on somebody else's screen.

/** Creates an element: h('button', {class: 'x', onclick: fn}, 'Tekst', child, ...). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what an element holds. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam', weekday: 'short', day: 'numeric', month: 'short',
});
const timeOnly = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });

export function formatDateTime(instant) {
  return instant ? dateTime.format(new Date(instant)) : '–';
}

export function formatTime(instant) {
  return instant ? timeOnly.format(new Date(instant)) : '–';
}

/** A date (YYYY-MM-DD) as 'za 12 dec.'. */
export function formatDate(date) {
  return date ? dateOnly.format(new Date(`${date}T12:00:00Z`)) : '–';
}

/** Today's date in the Netherlands, as YYYY-MM-DD. */
export function today(offsetDays = 0) {
  const day = new Date(Date.now() + offsetDays * 86400000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(day);
}

/** A span of milliseconds as '1 u 05 min' / '4 min 12 s'. */
export function formatSpan(milliseconds) {
  const total = Math.max(0, Math.floor(Math.abs(milliseconds) / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days} d ${hours} u`;
  if (hours > 0) return `${hours} u ${String(minutes).padStart(2, '0')} min`;
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

/**
 * A clock that the page's ticker keeps current: counting down to a deadline ('nog 12 min 03 s', then
 * 'verlopen sinds ...') or up from a moment ('14 min 10 s').
 */
export function clock(instant, kind) {
  return h('span', { class: 'clock', dataset: { clock: kind, at: instant } }, clockText(instant, kind));
}

function clockText(instant, kind) {
  const difference = new Date(instant).getTime() - Date.now();
  if (kind === 'since') return formatSpan(difference);
  return difference >= 0 ? `nog ${formatSpan(difference)}` : `verlopen, ${formatSpan(difference)} geleden`;
}

/** Moves every clock on the page on; called once a second. */
export function tickClocks() {
  for (const element of document.querySelectorAll('[data-clock]')) {
    element.textContent = clockText(element.dataset.at, element.dataset.clock);
    if (element.dataset.clock === 'until') {
      const left = new Date(element.dataset.at).getTime() - Date.now();
      element.classList.toggle('urgent', left < 5 * 60000);
      element.classList.toggle('overdue', left < 0);
    }
  }
}

/** Tells a screen-reader and sighted user alike what just happened. */
export function announce(message, kind = 'info') {
  const region = document.getElementById('announcer');
  if (!region) return;
  fill(region, h('p', { class: `toast ${kind}` }, message));
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => region.replaceChildren(), 8000);
}
