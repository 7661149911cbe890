// Pieces every page uses: headings, sections, forms that report errors, lists of links.
import { ApiError } from './api.js';
import { h } from './dom.js';

export function title(text, ...extra) {
  document.title = `${text} · Practice Commons`;
  return h('h1', { tabindex: '-1' }, text, ...extra);
}

export function section(heading, ...children) {
  return h('section', { 'aria-label': heading }, h('h2', {}, heading), ...children);
}

export function problem(error) {
  const text = error instanceof ApiError ? error.message : 'Something went wrong; reload the page and try again.';
  if (!(error instanceof ApiError)) console.error(error);
  return h('p', { class: 'error', role: 'alert' }, text);
}

// A form whose submit runs `action(form)`; errors appear in an alert under it, and the button waits meanwhile.
export function form(attrs, children, action, submitLabel) {
  const status = h('div', { class: 'form-status' });
  const button = h('button', { type: 'submit' }, submitLabel);
  const el = h('form', { ...attrs, novalidate: false }, children, h('div', { class: 'actions' }, button), status);
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.replaceChildren();
    button.disabled = true;
    try {
      const done = await action(el);
      if (done) status.append(h('p', { class: 'ok', role: 'status' }, done));
    } catch (error) {
      status.append(problem(error));
    } finally {
      button.disabled = false;
    }
  });
  return el;
}

// A button doing one thing, with its error reported beside it.
export function action(label, run, attrs = {}) {
  const button = h('button', { type: 'button', ...attrs }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.parentElement?.querySelector(':scope > .error')?.remove();
    try {
      await run(button);
    } catch (error) {
      button.after(problem(error));
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

// A live line beside a control that acts at once (a reaction, a milestone): what it did, or why nothing changed.
// `tell(run, done)` answers whether `run` succeeded, so the control can go back to how it was.
export function feedback() {
  const line = h('span', { class: 'feedback', role: 'status' });
  const tell = async (run, done) => {
    line.classList.remove('error');
    try {
      await run();
      line.textContent = done;
      return true;
    } catch (error) {
      line.classList.add('error');
      line.textContent = `Not saved: ${error instanceof ApiError ? error.message : 'something went wrong; try again.'}`;
      return false;
    }
  };
  return { line, tell };
}

// Runs `run` only once the person has said yes to `question`: for what cannot be taken back in one step.
export function confirming(question, run) {
  return async (button) => {
    if (window.confirm(question)) await run(button);
  };
}

export function links(items, hrefOf, textOf, empty, extra = () => null) {
  if (!items.length) return h('p', { class: 'empty' }, empty);
  return h('ul', { class: 'links' }, items.map((item) => h('li', {}, h('a', { href: hrefOf(item) }, textOf(item)), extra(item))));
}

export function tags(values, label = 'Practice areas') {
  if (!values?.length) return '';
  return h('ul', { class: 'tags', 'aria-label': label }, values.map((value) => h('li', {}, value)));
}

export function option(value, label, selected = false) {
  return h('option', { value, selected }, label);
}

export function select(name, options, attrs = {}) {
  return h('select', { name, ...attrs }, options);
}

export function values(formElement) {
  return Object.fromEntries(new FormData(formElement));
}
