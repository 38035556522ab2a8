// The 12-week check as the editor types (progressive enhancement: without this script the
// "Check the length" button asks the server). Counts like the widgets and the server: from the
// opening date to the closing date, as calendar dates in the compact's time zone. Plain DOM only
// (the admin's CSP requires Trusted Types: no innerHTML).
const form = document.querySelector('form[data-time-zone]');
const region = document.getElementById('length-check');
if (form && region) {
  const zone = form.dataset.timeZone;
  const weeks = Number(form.dataset.weeks);
  const dayOf = (value) => {
    const text = value.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? undefined : text;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text)) return undefined;
    const instant = Date.parse(text);
    if (Number.isNaN(instant)) return undefined;
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  };
  const describe = (days) => {
    const w = Math.floor(days / 7);
    const d = days % 7;
    return [w ? `${w} week${w === 1 ? '' : 's'}` : '', d || !w ? `${d} day${d === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  };
  const show = () => {
    const opens = dayOf(form.elements.namedItem('opens').value);
    const closes = dayOf(form.elements.namedItem('closes').value);
    const inset = document.createElement('div');
    inset.className = 'govuk-inset-text';
    if (opens && closes && closes > opens) {
      const days = Math.round((Date.parse(`${closes}T00:00:00Z`) - Date.parse(`${opens}T00:00:00Z`)) / 86400000);
      const strong = document.createElement('strong');
      strong.textContent = describe(days);
      inset.append(strong, days < weeks * 7 ? `: shorter than the compact’s standard of ${weeks} weeks. Give the reason below; it is published with the consultation.` : `: meets the compact’s standard of ${weeks} weeks.`);
    } else {
      inset.textContent = `The compact’s standard is at least ${weeks} weeks.`;
    }
    region.replaceChildren(inset);
  };
  for (const name of ['opens', 'closes']) form.elements.namedItem(name).addEventListener('change', show);
}
