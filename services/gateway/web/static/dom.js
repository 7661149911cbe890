// Building the page safely: every piece of text becomes a text node; HTML comes only from the server's sanitiser.

export function h(tag, attrs = {}, ...children) {
  const svg = ['svg', 'g', 'rect', 'line', 'text', 'title', 'desc', 'polyline', 'circle', 'path'].includes(tag);
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'on') for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    else if (key === 'class') el.setAttribute('class', value);
    else if (key in el && !svg && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

// Search highlights: the server escapes the text and wraps matches in <mark>. Keep only <mark>; all else is text.
export function highlighted(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = document.createDocumentFragment();
  for (const node of parsed.body.childNodes) {
    out.append(node.nodeName === 'MARK' ? h('mark', {}, node.textContent) : document.createTextNode(node.textContent));
  }
  return out;
}

// Markdown the server rendered and sanitised (no script, raw HTML or unsafe links survive there).
export function serverHtml(html, attrs = {}) {
  const el = h('div', { class: 'prose', ...attrs });
  el.innerHTML = html;
  for (const link of el.querySelectorAll('a[href]')) link.setAttribute('rel', 'noopener noreferrer nofollow');
  return el;
}

export function announce(message) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  setTimeout(() => { region.textContent = message; }, 50);
}

let fieldIds = 0;
// A labelled form control: <label for> + the control, and an optional hint tied with aria-describedby.
export function field(label, control, hint) {
  const id = control.id || `f${++fieldIds}`;
  control.id = id;
  const parts = [h('label', { for: id }, label), control];
  if (hint) {
    control.setAttribute('aria-describedby', `${id}-hint`);
    parts.splice(1, 0, h('p', { class: 'hint', id: `${id}-hint` }, hint));
  }
  return h('div', { class: 'field' }, parts);
}

export function checkboxes(legend, name, values, chosen = [], labelOf = (v) => v) {
  return h('fieldset', { class: 'choices' }, h('legend', {}, legend),
    values.map((value) => h('label', { class: 'choice' },
      h('input', { type: 'checkbox', name, value, checked: chosen.includes(value) }), ' ', labelOf(value))));
}

export function checked(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);
}

export function when(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return h('time', { datetime: date.toISOString() }, date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
}

const UNITS = [['year', 31536e6], ['month', 2592e6], ['week', 6048e5], ['day', 864e5], ['hour', 36e5], ['minute', 6e4]];
const RELATIVE = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

// "3 hr. ago" in the reader's language; the exact moment on hover and for assistive technology's time element.
export function ago(iso, now = Date.now()) {
  const date = new Date(iso);
  const elapsed = date.getTime() - now;
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(elapsed) >= ms) || ['minute', 6e4];
  const exact = date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return h('time', { datetime: date.toISOString(), title: exact }, RELATIVE.format(Math.round(elapsed / size), unit));
}

// A person's initials as their avatar: decorative, since their name is always written beside it.
export function avatar(name) {
  const initials = String(name || '?').split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0].toUpperCase()).join('');
  return h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials || '?');
}

// A meeting's place: a link when it is a web address (an online meeting), its words otherwise.
export function where(text) {
  if (!/^https?:\/\/\S+$/.test(text)) return text;
  return h('a', { href: text, rel: 'noopener noreferrer nofollow', target: '_blank' }, text);
}

export function words(constant) {
  const text = String(constant).toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
