/**
 * The embed-code builder: pick an element, a feed, options and a language; see it live; copy the
 * snippet as a script tag or an iframe. Plain DOM code: it is a demo page, not part of the library.
 */
import '../src/index.ts';

interface Option {
  name: string;
  label: string;
  hint?: string;
  choices?: string[];
  boolean?: boolean;
}

const WIDGETS: Record<string, { label: string; options: Option[] }> = {
  'signatory-list': {
    label: 'Signatory list',
    options: [
      { name: 'sector', label: 'Only this sector', choices: ['', 'public', 'voluntary'] },
      { name: 'type', label: 'Only this type', hint: 'For example charity or community-group' },
      { name: 'sort', label: 'Sort', choices: ['', 'name', 'signed', 'signed-desc'] },
      { name: 'group-by', label: 'Group by', choices: ['', 'sector', 'none'] },
      { name: 'page-size', label: 'Organisations per page', hint: 'Default 50' },
      { name: 'no-search', label: 'Hide the search box', boolean: true },
    ],
  },
  'pledge-form': { label: 'Pledge form', options: [] },
  'action-plan': {
    label: 'Action plan',
    options: [
      { name: 'aim', label: 'Only this aim (its id)' },
      { name: 'charts', label: 'Charts', choices: ['', 'none'] },
      { name: 'hide-complete', label: 'Hide completed actions', boolean: true },
    ],
  },
  'consultation-countdown': {
    label: 'Consultation countdown',
    options: [
      { name: 'consultation', label: 'One consultation (its id)', hint: 'Leave empty for the open ones' },
      { name: 'limit', label: 'How many at most', hint: 'Default 3' },
    ],
  },
  'pledge-badge': {
    label: 'Pledge badge',
    options: [
      { name: 'signatory', label: 'Organisation identifier', hint: 'For example GB-CHC-1183305' },
      { name: 'variant', label: 'Style', choices: ['inline', 'card'] },
    ],
  },
};

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const form = $<HTMLFormElement>('#builder');
const widgetSelect = $<HTMLSelectElement>('#widget');
const optionsBox = $<HTMLDivElement>('#options');
const preview = $<HTMLDivElement>('#preview');
const scriptSnippet = $<HTMLElement>('#snippet-script');
const iframeSnippet = $<HTMLElement>('#snippet-iframe');

for (const [value, { label }] of Object.entries(WIDGETS)) widgetSelect.add(new Option(label, value));

function renderOptions(): void {
  optionsBox.replaceChildren();
  for (const option of WIDGETS[widgetSelect.value].options) {
    const id = `opt-${option.name}`;
    const group = document.createElement('div');
    group.className = option.boolean ? 'field checkbox' : 'field';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = option.label;
    let control: HTMLInputElement | HTMLSelectElement;
    if (option.choices) {
      control = document.createElement('select');
      for (const choice of option.choices) control.add(new Option(choice || '(default)', choice));
    } else {
      control = document.createElement('input');
      control.type = option.boolean ? 'checkbox' : 'text';
    }
    control.id = id;
    control.name = option.name;
    if (option.boolean) group.append(control, label);
    else group.append(label, control);
    if (option.hint) {
      const hint = document.createElement('p');
      hint.className = 'hint';
      hint.id = `${id}-hint`;
      hint.textContent = option.hint;
      control.setAttribute('aria-describedby', hint.id);
      group.append(hint);
    }
    optionsBox.append(group);
  }
}

function attributes(): [string, string][] {
  const data = new FormData(form);
  const pairs: [string, string][] = [['src', String(data.get('src') ?? '')]];
  for (const option of WIDGETS[widgetSelect.value].options) {
    const value = data.get(option.name);
    if (option.boolean) {
      if (value) pairs.push([option.name, '']);
    } else if (value) pairs.push([option.name, String(value)]);
  }
  return pairs;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function update(): void {
  const widget = widgetSelect.value;
  const lang = String(new FormData(form).get('lang') ?? '');
  const host = String(new FormData(form).get('host') ?? '').replace(/\/$/, '');
  const attrs = attributes();

  const element = document.createElement(`compact-${widget}`);
  for (const [name, value] of attrs) element.setAttribute(name, value);
  if (lang) element.setAttribute('lang', lang);
  preview.replaceChildren(element);

  const attrText = attrs.map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escapeAttr(v)}"`)).join('');
  const langText = lang ? ` lang="${lang}"` : '';
  scriptSnippet.textContent =
    `<script type="module" src="${host}/compact-widgets.js"></script>\n` +
    `<compact-${widget}${attrText}${langText}></compact-${widget}>`;
  const query = new URLSearchParams({ widget });
  for (const [name, value] of attrs) query.set(name, value === '' ? '' : value);
  if (lang) query.set('lang', lang);
  iframeSnippet.textContent =
    `<iframe data-compact-widget title="${escapeAttr(WIDGETS[widget].label)}" style="width:100%;border:0"\n` +
    `        src="${host}/embed.html?${escapeAttr(query.toString())}"></iframe>\n` +
    `<script src="${host}/embed-host.js" defer></script>`;
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

widgetSelect.addEventListener('change', () => {
  renderOptions();
  update();
});
form.addEventListener('change', update);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  update();
});
renderOptions();
update();
