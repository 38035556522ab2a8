// The demo's pledge endpoint: the contract in feed-spec.md ("The pledge endpoint"), in plain Node
// with no dependencies, so a council can read it and build its own.
//
//   POST /api/pledges           JSON body → 202 {id, status: "pending"}; 422 {errors}; 409 {id}
//   OPTIONS /api/pledges        CORS preflight → 204
//   GET  /api/pledges/received  an HTML page listing what has been received
//
// Pledges are kept in <dataDir>/pledges.json, written atomically (a temporary file, then rename),
// so a crash mid-write never leaves half a file, and they survive a restart.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

const MAX_BODY = 64 * 1024;
const MAX_NAME = 200;
const MAX_PLEDGE = 500;
const SECTORS = new Set(['public', 'voluntary']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '600',
};

/** Same rule as the form: no case, accents or punctuation; "&" is "and". */
export function normaliseName(name) {
  return String(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const isText = (v) => typeof v === 'string' && v.trim() !== '';
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The body's problems, as the spec's `{field, message}` list (empty when it is fine). */
export function validatePledge(body) {
  const errors = [];
  const add = (field, message) => errors.push({ field, message });
  if (!isObject(body)) return [{ field: '', message: 'The body must be a JSON object.' }];
  if (!isText(body.compactId)) add('compactId', 'Give the compact id.');
  const org = isObject(body.organisation) ? body.organisation : {};
  if (!isObject(body.organisation)) add('organisation', 'Give the organisation.');
  if (!isText(org.name)) add('organisation.name', 'Enter the name of your organisation');
  else if ([...org.name].length > MAX_NAME) add('organisation.name', `Name of your organisation must be ${MAX_NAME} characters or fewer`);
  if (org.id !== undefined && !isText(org.id)) add('organisation.id', 'The organisation id must be text.');
  if (!SECTORS.has(org.sector)) add('organisation.sector', 'Select the sector your organisation is part of');
  if (org.type !== undefined && !isText(org.type)) add('organisation.type', 'The organisation type must be text.');
  if (org.url !== undefined && !/^https?:\/\/[^\s]+$/i.test(String(org.url))) {
    add('organisation.url', 'Enter a website address in the correct format, like www.example.org');
  }
  const contact = isObject(body.contact) ? body.contact : {};
  if (!isText(contact.name)) add('contact.name', 'Enter your full name');
  if (!isText(contact.email)) add('contact.email', 'Enter your email address');
  else if (!EMAIL.test(contact.email)) add('contact.email', 'Enter an email address in the correct format, like name@example.com');
  if (body.champion !== undefined && (!isObject(body.champion) || !isText(body.champion.name))) {
    add('champion.name', 'Enter the name of your Compact Champion');
  }
  if (body.pledge !== undefined && (typeof body.pledge !== 'string' || [...body.pledge].length > MAX_PLEDGE)) {
    add('pledge', `Your pledge must be ${MAX_PLEDGE} characters or fewer`);
  }
  const consent = isObject(body.consent) ? body.consent : {};
  if (typeof consent.publish !== 'boolean') add('consent.publish', 'Say whether the name may be published.');
  if (typeof consent.contact !== 'boolean') add('consent.contact', 'Say whether you may be contacted.');
  return errors;
}

const escapeHtml = (value) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function receivedPage(pledges) {
  const rows = pledges
    .map((p) => {
      const b = p.body;
      return `<tr>
  <td>${escapeHtml(p.received)}</td>
  <td>${escapeHtml(b.compactId)}</td>
  <td>${escapeHtml(b.organisation.name)}${b.organisation.id ? `<br><span class="id">${escapeHtml(b.organisation.id)}</span>` : ''}</td>
  <td>${escapeHtml(b.organisation.sector)}${b.organisation.type ? `: ${escapeHtml(b.organisation.type)}` : ''}</td>
  <td>${escapeHtml(b.contact.name)}<br>${escapeHtml(b.contact.email)}${b.contact.role ? `<br>${escapeHtml(b.contact.role)}` : ''}</td>
  <td>${b.champion ? escapeHtml(b.champion.name) + (b.champion.role ? `, ${escapeHtml(b.champion.role)}` : '') : ''}</td>
  <td>${escapeHtml(b.pledge ?? '')}</td>
  <td>${b.consent.publish ? 'Yes' : 'No'}</td>
  <td>${b.consent.contact ? 'Yes' : 'No'}</td>
  <td>${escapeHtml(b.locale ?? '')}</td>
</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pledges received – compact widgets demo</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 1rem; line-height: 1.4; color: #0b0c0c; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #b1b4b6; padding: 0.5rem; text-align: start; vertical-align: top; }
  .id { color: #505a5f; }
  .table-wrap { overflow-x: auto; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  a:focus-visible, .table-wrap:focus-visible { outline: 3px solid #fd0; }
</style>
</head>
<body>
<main>
<h1>Pledges received</h1>
<p>${pledges.length === 1 ? '1 pledge' : `${pledges.length} pledges`}, newest last. This page is for the demo only: a real endpoint keeps it behind a login.</p>
${
  pledges.length
    ? `<div class="table-wrap" tabindex="0" role="region" aria-labelledby="caption"><table>
<caption id="caption" class="visually-hidden">Pledges received</caption>
<thead><tr><th scope="col">Received</th><th scope="col">Compact</th><th scope="col">Organisation</th><th scope="col">Sector and type</th><th scope="col">Contact</th><th scope="col">Champion</th><th scope="col">Pledge</th><th scope="col">Publish name</th><th scope="col">May contact</th><th scope="col">Language</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`
    : '<p>Nothing yet.</p>'
}
</main>
</body>
</html>`;
}

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    ...CORS,
    'Content-Type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        // Answer at once and let the rest drain, rather than cutting the connection mid-request
        // (which the browser would report as a network failure, not as "too large").
        req.removeAllListeners('data');
        req.resume();
        reject(Object.assign(new Error('too large'), { status: 413 }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * `(req, res) => void` for every path under /api/pledges. `dataDir` is where pledges.json lives.
 */
export function createPledgeEndpoint({ dataDir }) {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'pledges.json');
  let pledges = [];
  try {
    pledges = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(pledges)) pledges = [];
  } catch {
    pledges = []; // no file yet
  }

  const save = () => {
    const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    writeFileSync(temp, JSON.stringify(pledges, null, 2));
    renameSync(temp, file);
  };

  async function post(req, res) {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      send(res, 415, { errors: [{ field: '', message: 'Send the pledge as application/json.' }] });
      return;
    }
    let text;
    try {
      text = await readBody(req);
    } catch (error) {
      send(res, error.status ?? 400, { errors: [{ field: '', message: 'The pledge is too large.' }] }, { Connection: 'close' });
      return;
    }
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      send(res, 400, { errors: [{ field: '', message: 'The body is not valid JSON.' }] });
      return;
    }
    const key = String(req.headers['idempotency-key'] ?? '').trim() || undefined;
    // Everything below runs without awaiting, so two requests can never both pass the checks.
    const sameKey = key && pledges.find((p) => p.key === key);
    if (sameKey) {
      send(res, 409, { id: sameKey.id });
      return;
    }
    const errors = validatePledge(body);
    if (errors.length) {
      send(res, 422, { errors });
      return;
    }
    const name = normaliseName(body.organisation.name);
    const sameOrg = pledges.find(
      (p) =>
        p.body.compactId === body.compactId &&
        ((body.organisation.id && p.body.organisation.id === body.organisation.id) || normaliseName(p.body.organisation.name) === name),
    );
    if (sameOrg) {
      send(res, 409, { id: sameOrg.id });
      return;
    }
    const pledge = { id: randomUUID(), key, received: new Date().toISOString(), status: 'pending', body };
    pledges.push(pledge);
    try {
      save();
    } catch (error) {
      pledges.pop();
      console.error('pledge endpoint: could not save', error);
      send(res, 503, { errors: [{ field: '', message: 'The pledge could not be saved. Try again later.' }] }, { 'Retry-After': '30' });
      return;
    }
    send(res, 202, { id: pledge.id, status: 'pending' });
  }

  return (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const path = pathname.replace(/\/+$/, '');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    if (path === '/api/pledges' && req.method === 'POST') {
      post(req, res).catch((error) => {
        console.error('pledge endpoint:', error);
        if (!res.headersSent) send(res, 500, { errors: [{ field: '', message: 'Something went wrong.' }] });
      });
      return;
    }
    if (path === '/api/pledges/received' && (req.method === 'GET' || req.method === 'HEAD')) {
      send(res, 200, receivedPage(pledges));
      return;
    }
    if (path === '/api/pledges' || path === '/api/pledges/received') {
      send(res, 405, { errors: [{ field: '', message: 'Method not allowed.' }] }, { Allow: path === '/api/pledges' ? 'POST, OPTIONS' : 'GET' });
      return;
    }
    send(res, 404, { errors: [{ field: '', message: 'Not found.' }] });
  };
}
