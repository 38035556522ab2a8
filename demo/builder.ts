/**
 * The embed-code builder: pick an element, a feed, options and a language; see it live; copy the
 * snippet as a script tag or an iframe. Plain DOM code: it is a demo page, not part of the library.
 *
 * The options come from custom-elements.json (`npm run manifest`), so every attribute an element
 * documents is offered and none is left out when an element gains one. Everything is checked the
 * GOV.UK way (an error summary, an error at each field) before any code is shown, and a relative
 * feed address is written out in full in the code, which is meant for other sites.
 */
import '../src/index.ts';
import { resolveHttpUrl, safeHttpUrl } from '../src/feed/url.ts';

interface ManifestAttribute {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
  fieldName?: string;
}
interface ManifestDeclaration {
  customElement?: boolean;
  tagName?: string;
  attributes?: ManifestAttribute[];
  members?: { name: string; type?: { text: string } }[];
}
interface Manifest {
  modules: { declarations?: ManifestDeclaration[] }[];
}

type Kind =
  | { kind: 'boolean' }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'choice'; choices: string[] }
  | { kind: 'text' };

interface Option {
  name: string;
  label: string;
  hint: string;
  type: Kind;
}

interface Widget {
  /** The name in embed.html's query string: the tag without `compact-`. */
  name: string;
  tag: string;
  label: string;
  options: Option[];
}

/** Set by the builder's own fields, not as options. */
const OWN_FIELDS = new Set(['src', 'lang']);

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const form = $<HTMLFormElement>('#builder');
const widgetSelect = $<HTMLSelectElement>('#widget');
const optionsBox = $<HTMLDivElement>('#options');
const preview = $<HTMLDivElement>('#preview');
const scriptSnippet = $<HTMLElement>('#snippet-script');
const iframeSnippet = $<HTMLElement>('#snippet-iframe');
const summary = $<HTMLDivElement>('#error-summary');
const errorList = $<HTMLUListElement>('#error-list');
const codeNote = $<HTMLParagraphElement>('#code-note');
const code = $<HTMLDivElement>('#code');
const pageTitle = document.title;

const widgets = new Map<string, Widget>();

/** "`public` or `voluntary`" → "public or voluntary". */
const plain = (text: string) => text.replace(/`/g, '');

/** The first sentence (the label) and the rest (the hint) of a description. */
function splitDescription(description: string): [string, string] {
  const match = /^(.+?[.!?])(\s+|$)([\s\S]*)$/.exec(description.trim());
  return match ? [plain(match[1]), plain(match[3])] : [plain(description), ''];
}

/**
 * What kind of control an attribute needs, from its type in the manifest (or its field's), and
 * the values its description lists in backticks (`auto`, `none`) when it lists nothing else.
 */
function kindOf(attribute: ManifestAttribute, declaration: ManifestDeclaration): Kind {
  const member = declaration.members?.find((m) => m.name === attribute.fieldName);
  const type = (attribute.type?.text ?? member?.type?.text ?? '').replace(/\s*\|\s*(undefined|null)/g, '').trim();
  const description = attribute.description ?? '';
  if (type === 'boolean') return { kind: 'boolean' };
  if (type === 'number' || (!type && /\bdefault \d+\b/.test(description))) {
    const range = /(\d+)\s*[–-]\s*(\d+)/.exec(description);
    return range
      ? { kind: 'number', min: Number(range[1]), max: Number(range[2]) }
      : { kind: 'number', min: 1, max: Number.MAX_SAFE_INTEGER };
  }
  const literals = type.split('|').map((t) => /^'([^']*)'$/.exec(t.trim())?.[1]);
  if (type && literals.every((l) => l !== undefined)) return { kind: 'choice', choices: literals as string[] };
  const quoted = [...description.matchAll(/`([^`]*)`/g)].map((m) => m[1]);
  if (!/\be\.g\./.test(description) && quoted.length >= 2 && quoted.every((q) => /^[a-z][a-z-]*$/.test(q))) {
    return { kind: 'choice', choices: [...new Set(quoted)] };
  }
  return { kind: 'text' };
}

function readManifest(manifest: Manifest): void {
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      const tag = declaration.tagName;
      if (!declaration.customElement || !tag?.startsWith('compact-')) continue;
      const name = tag.slice('compact-'.length);
      const options: Option[] = [];
      for (const attribute of declaration.attributes ?? []) {
        if (OWN_FIELDS.has(attribute.name) || options.some((o) => o.name === attribute.name)) continue;
        const [label, rest] = splitDescription(attribute.description ?? attribute.name);
        options.push({
          name: attribute.name,
          label,
          hint: [rest, `(attribute ${attribute.name})`].filter(Boolean).join(' '),
          type: kindOf(attribute, declaration),
        });
      }
      const label = name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ');
      widgets.set(name, { name, tag, label, options });
    }
  }
}

const currentWidget = (): Widget => widgets.get(widgetSelect.value)!;

function renderOptions(): void {
  optionsBox.replaceChildren();
  for (const option of currentWidget().options) {
    const id = `opt-${option.name}`;
    const group = document.createElement('div');
    group.className = option.type.kind === 'boolean' ? 'field checkbox' : 'field';
    group.dataset.field = id;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = option.label;
    let control: HTMLInputElement | HTMLSelectElement;
    if (option.type.kind === 'choice') {
      control = document.createElement('select');
      control.add(new Option('(default)', ''));
      for (const choice of option.type.choices) control.add(new Option(choice, choice));
    } else {
      control = document.createElement('input');
      control.type = option.type.kind === 'boolean' ? 'checkbox' : 'text';
      if (option.type.kind === 'number') {
        control.inputMode = 'numeric';
        control.classList.add('short');
      }
      if (option.type.kind !== 'boolean') control.spellcheck = false;
    }
    control.id = id;
    control.name = option.name;
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.id = `${id}-hint`;
    hint.textContent = option.hint;
    control.setAttribute('aria-describedby', hint.id);
    if (option.type.kind === 'boolean') group.append(control, label, hint);
    else group.append(label, hint, control);
    optionsBox.append(group);
  }
}

interface FieldError {
  /** The id of the control. */
  id: string;
  message: string;
}

interface Settings {
  widget: Widget;
  /** The feed address in full (a relative one resolved against this page). */
  src: string;
  relative: boolean;
  host: string;
  lang: string;
  attributes: [string, string][];
}

/** Reads and checks the form: the settings, or every error. */
function check(): Settings | FieldError[] {
  const data = new FormData(form);
  const errors: FieldError[] = [];
  const widget = currentWidget();
  const srcText = String(data.get('src') ?? '').trim();
  const src = resolveHttpUrl(srcText, location.href);
  if (!srcText) errors.push({ id: 'src', message: "Enter the feed address: your compact's JSON feed" });
  else if (!src) {
    errors.push({ id: 'src', message: 'Enter the feed address as a web address, like https://council.example/compact/feed.json' });
  }
  // The folder, also when the address of one of its files was pasted (the script's, most likely).
  const hostText = String(data.get('host') ?? '')
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/(?:compact-widgets\.js|embed\.html|embed-host\.js)$/i, '')
    .replace(/\/+$/, '');
  const host = safeHttpUrl(hostText);
  if (!host || /[?#]/.test(hostText)) {
    errors.push({
      id: 'host',
      message: 'Enter where compact-widgets.js is hosted as a web address, like https://your-cdn.example/compact-widgets',
    });
  }
  const attributes: [string, string][] = [];
  for (const option of widget.options) {
    const value = data.get(option.name);
    const id = `opt-${option.name}`;
    if (option.type.kind === 'boolean') {
      if (value) attributes.push([option.name, '']);
      continue;
    }
    const text = String(value ?? '').trim();
    if (text === '') continue;
    if (option.type.kind === 'number') {
      const { min, max } = option.type;
      const n = Number(text);
      if (!/^\d+$/.test(text) || n < min || n > max) {
        const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
        errors.push({ id, message: `${option.name} must be a whole number ${range}, like ${Math.max(min, Math.min(max, 20))}` });
        continue;
      }
    }
    if (option.type.kind === 'choice' && !option.type.choices.includes(text)) {
      errors.push({ id, message: `Choose ${option.name} from the list` });
      continue;
    }
    attributes.push([option.name, text]);
  }
  if (errors.length > 0) return errors;
  // The host without a trailing slash, as written (safeHttpUrl would add one to a bare origin).
  return { widget, src: src!, relative: src !== srcText, host: hostText, lang: String(data.get('lang') ?? ''), attributes };
}

function clearErrors(): void {
  summary.hidden = true;
  errorList.replaceChildren();
  document.title = pageTitle;
  for (const message of form.querySelectorAll('.error-message')) {
    const control = form.querySelector<HTMLElement>(`[aria-describedby~="${message.id}"]`);
    control?.setAttribute('aria-describedby', (control.getAttribute('aria-describedby') ?? '').replace(message.id, '').trim());
    control?.removeAttribute('aria-invalid');
    message.remove();
  }
  for (const field of form.querySelectorAll('.field.error')) field.classList.remove('error');
}

/** GOV.UK's pattern: "Error: " in the title, a summary linking to each field, the error at the field. */
function showErrors(errors: FieldError[], focus: boolean): void {
  clearErrors();
  document.title = `Error: ${pageTitle}`;
  for (const { id, message } of errors) {
    const control = document.getElementById(id)!;
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${id}`;
    link.textContent = message;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      control.focus();
      control.closest('.field')?.scrollIntoView({ block: 'start' });
    });
    item.append(link);
    errorList.append(item);

    const field = control.closest('.field')!;
    field.classList.add('error');
    const error = document.createElement('p');
    error.className = 'error-message';
    error.id = `${id}-error`;
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = 'Error: ';
    error.append(hidden, message);
    control.before(error);
    control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') ?? ''} ${error.id}`.trim());
    control.setAttribute('aria-invalid', 'true');
  }
  summary.hidden = false;
  code.hidden = true;
  codeNote.hidden = false;
  codeNote.textContent = 'Correct the problems above to get the code.';
  if (focus) summary.focus();
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function show(settings: Settings): void {
  const { widget, src, host, lang, attributes } = settings;
  const attrs: [string, string][] = [['src', src], ...attributes];

  const element = document.createElement(widget.tag);
  for (const [name, value] of attrs) element.setAttribute(name, value);
  if (lang) element.setAttribute('lang', lang);
  preview.replaceChildren(element);

  const attrText = attrs.map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escapeAttr(v)}"`)).join('');
  const langText = lang ? ` lang="${lang}"` : '';
  scriptSnippet.textContent =
    `<script type="module" src="${escapeAttr(host)}/compact-widgets.js"></script>\n` +
    `<${widget.tag}${attrText}${langText}></${widget.tag}>`;
  const query = new URLSearchParams({ widget: widget.name });
  for (const [name, value] of attrs) query.set(name, value);
  if (lang) query.set('lang', lang);
  iframeSnippet.textContent =
    `<iframe data-compact-widget title="${escapeAttr(widget.label)}" style="width:100%;border:0"\n` +
    `        src="${escapeAttr(`${host}/embed.html?${query}`)}"></iframe>\n` +
    `<script src="${escapeAttr(host)}/embed-host.js" defer></script>`;
  code.hidden = false;
  const notes: string[] = [];
  if (settings.relative) notes.push(`The feed address is written in full in the code (${src}), so that it works on other sites too.`);
  // embed.html shows a sign-up form only for a feed on its own origin unless its owner lists the
  // feed's (README, "In an iframe"): without it the iframe code would show a refusal.
  const feedOrigin = new URL(src).origin;
  if (widget.name === 'pledge-form' && feedOrigin !== new URL(host).origin) {
    notes.push(
      `For the iframe code, list the feed's origin in embed.html where you uploaded it: ` +
        `<meta name="compact-widgets-feeds" content="${feedOrigin}">. Without it the iframe shows no pledge form.`,
    );
  }
  codeNote.hidden = notes.length === 0;
  codeNote.textContent = notes.join(' ');
}

function update(focusErrors: boolean): void {
  const result = check();
  if (Array.isArray(result)) {
    showErrors(result, focusErrors);
    return;
  }
  clearErrors();
  show(result);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
  button.addEventListener('click', async () => {
    const text = $<HTMLElement>(`#${button.dataset.copy}`).textContent ?? '';
    const status = $<HTMLElement>('#copy-status');
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied to the clipboard.';
    } catch {
      status.textContent = 'Could not copy: select the code and copy it yourself.';
    }
  });
}

async function start(): Promise<void> {
  try {
    const response = await fetch(new URL('../custom-elements.json', import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    readManifest((await response.json()) as Manifest);
  } catch {
    $<HTMLElement>('#options-status').textContent =
      'The options could not be loaded: custom-elements.json is missing. Run "npm run manifest", then reload this page.';
    return;
  }
  for (const { name, label } of widgets.values()) widgetSelect.add(new Option(label, name));
  widgetSelect.value = widgets.has('signatory-list') ? 'signatory-list' : widgetSelect.value;
  widgetSelect.addEventListener('change', () => {
    renderOptions();
    update(false);
  });
  form.addEventListener('change', (event) => {
    if (event.target !== widgetSelect) update(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(true);
  });
  renderOptions();
  update(false);
  form.dataset.ready = '';
}

void start();
