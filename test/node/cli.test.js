// The publisher's CLI, bin/compact-widgets.js, run as a child process. Run after `npm run build`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/compact-widgets.js', import.meta.url));

/** Runs the CLI (asynchronously: the test's own HTTP server must keep answering). */
function run(args, { input } = {}) {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { timeout: 30000 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin.end(input);
  });
}

const validFeed = {
  feedVersion: '1.0',
  compact: { id: 'gwynedd', name: { en: 'The Gwynedd Compact', cy: 'Compact Gwynedd' } },
  signatories: [{ id: 'GB-LAW-GWN', name: 'Gwynedd Council', sector: 'public', url: 'https://www.example.gov.uk/' }],
};
const invalidFeed = {
  ...validFeed,
  signatories: [
    { id: 'GB-LAW-GWN', name: 'Gwynedd Council', sector: 'public', url: 'javascript:alert(1)' },
    { id: 'GB-CHC-1', name: 'Example CVC', sector: 'private' },
  ],
};

let dir;
let server;
let base;
const file = (name) => join(dir, name);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'compact-cli-'));
  writeFileSync(file('valid.json'), JSON.stringify(validFeed, null, 2));
  writeFileSync(file('invalid.json'), JSON.stringify(invalidFeed, null, 2));
  writeFileSync(file('version2.json'), JSON.stringify({ ...validFeed, feedVersion: '2.0' }));
  writeFileSync(file('page.html'), '<!doctype html><title>Not found</title>');
  writeFileSync(file('bom.json'), '\uFEFF' + JSON.stringify(validFeed));
  server = createServer((req, res) => {
    if (req.url === '/valid.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(validFeed));
    } else if (req.url === '/invalid.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(invalidFeed));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('compact-widgets validate', () => {
  it('a valid file: exit 0 and a summary line', async () => {
    const r = await run(['validate', file('valid.json')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /valid compact feed \(version 1\.0\)/);
  });

  it('an invalid file: exit 1, each problem as "path: message", then a summary', async () => {
    const r = await run(['validate', file('invalid.json')]);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^\$\.signatories\[0\]\.url: must be an absolute http: or https: address; got "javascript:alert\(1\)"/);
    assert.match(lines[1], /^\$\.signatories\[1\]\.sector: must be "public" or "voluntary"/);
    assert.match(lines[2], /INVALID: 2 problems/);
  });

  it('a feed of another version: exit 1 with the version message', async () => {
    const r = await run(['validate', file('version2.json')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /This feed is version 2\.0; these widgets read version 1\.x/);
  });

  it('a file that is not JSON: exit 1', async () => {
    const r = await run(['validate', file('page.html')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /not valid JSON/);
  });

  it('a file with a byte-order mark is read', async () => {
    assert.equal((await run(['validate', file('bom.json')])).code, 0);
  });

  it('a missing file: exit 2', async () => {
    const r = await run(['validate', file('missing.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read .*missing\.json/);
  });

  it('a URL: fetched and checked', async () => {
    const ok = await run(['validate', `${base}/valid.json`]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /valid compact feed/);
    const bad = await run(['validate', `${base}/invalid.json`]);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /\$\.signatories\[0\]\.url: /);
  });

  it('a URL that answers an HTTP error: exit 2', async () => {
    const r = await run(['validate', `${base}/nothing-here.json`]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /HTTP 404/);
  });

  it('"-" reads standard input', async () => {
    const r = await run(['validate', '-'], { input: JSON.stringify(invalidFeed) });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /\$\.signatories\[1\]\.sector/);
  });
});

describe('compact-widgets usage', () => {
  it('--help: exit 0 with usage', async () => {
    for (const args of [['--help'], ['-h'], ['validate', '--help']]) {
      const r = await run(args);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /Usage: compact-widgets validate <file or URL>/);
    }
  });

  it('usage errors: exit 2', async () => {
    for (const args of [[], ['check', 'x.json'], ['validate'], ['validate', 'a.json', 'b.json'], ['validate', '--strict', 'a.json']]) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /Usage:/);
    }
  });
});
