// The publisher's CLI, bin/compact-widgets.js, run as a child process. Run after `npm run build`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** Feed text with terminal escape sequences, other control characters and bidi controls. */
const ESC = '\u001b';
const escapesFeed = {
  ...validFeed,
  signatories: [
    { id: `GB-${ESC}]0;pwned${ESC}\\`, name: 'x', sector: `public${ESC}[2J${ESC}[31m` },
    { id: 'GB-CHC-2', name: 'y', sector: 'voluntary', url: `https://a.example/\u009b31m\u202e` },
  ],
  [`x${ESC}[8m\u0007`]: 1,
};
const duplicatesFeed = {
  feedVersion: '1.0',
  compact: {
    id: 'x',
    name: 'X',
    principles: [{ id: 'p', title: 'A' }, { id: 'p', title: 'B' }],
    commitments: [{ id: 'c', by: 'joint', text: 'A' }, { id: 'c', by: 'joint', text: 'B' }],
  },
  signatories: [{ id: 's', name: 'A', sector: 'public' }, { id: 's', name: 'B', sector: 'public' }],
  actionPlan: {
    aims: [
      { id: 'a', title: 'A', actions: [{ id: 'x', title: 'X', status: 'complete' }, { id: 'x', title: 'Y', status: 'complete' }] },
      { id: 'a', title: 'B', actions: [] },
    ],
  },
  consultations: [
    { id: 'k', title: 'K', opens: '2026-01-01', closes: '2026-02-01' },
    { id: 'k', title: 'L', opens: '2026-01-01', closes: '2026-02-01' },
  ],
};
const credentialsFeed = {
  ...validFeed,
  compact: { ...validFeed.compact, url: 'https://user:secret@council.example/' },
  pledge: { endpoint: 'http://council.gov.uk@evil.example/api/pledges', privacyNotice: 'https://council.example/privacy' },
};

let dir;
let server;
let base;
let served = 0;
let endlessClosed = false;
const file = (name) => join(dir, name);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'compact-cli-'));
  writeFileSync(file('valid.json'), JSON.stringify(validFeed, null, 2));
  writeFileSync(file('invalid.json'), JSON.stringify(invalidFeed, null, 2));
  writeFileSync(file('version2.json'), JSON.stringify({ ...validFeed, feedVersion: '2.0' }));
  writeFileSync(file('page.html'), '<!doctype html><title>Not found</title>');
  writeFileSync(file('bom.json'), '\uFEFF' + JSON.stringify(validFeed));
  // Saved from Excel or an old editor as Windows-1252 ("Côr" is 43 F4 72), or from Notepad as UTF-16.
  const welsh = { ...validFeed, signatories: [{ id: 'GB-CHC-9', name: 'Côr Meibion Gwynedd', sector: 'voluntary' }] };
  writeFileSync(file('latin1.json'), Buffer.from(JSON.stringify(welsh, null, 2), 'latin1'));
  writeFileSync(file('utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(welsh), 'utf16le')]));
  writeFileSync(file('syntax.json'), '{\n  "feedVersion": "1.0",\n  "compact": { "id": "x", "name": "X" }\n  "signatories": []\n}\n');
  writeFileSync(file('unknown.json'), JSON.stringify({ ...validFeed, signatorys: [], compact: { ...validFeed.compact, colour: 'green' } }));
  writeFileSync(file('escapes.json'), JSON.stringify(escapesFeed));
  writeFileSync(file('duplicates.json'), JSON.stringify(duplicatesFeed));
  writeFileSync(file('credentials.json'), JSON.stringify(credentialsFeed));
  writeFileSync(file('big.json'), Buffer.alloc(21 * 1024 * 1024, 0x20));
  const manyProblems = Array.from({ length: 20000 }, (_, i) => ({ id: `s${i}`, name: 'n', sector: 'private' }));
  writeFileSync(file('many-problems.json'), JSON.stringify({ ...validFeed, signatories: manyProblems }));
  const cors = { 'access-control-allow-origin': '*' };
  server = createServer((req, res) => {
    if (req.url === '/valid.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...cors }).end(JSON.stringify(validFeed));
    } else if (req.url === '/invalid.json') {
      res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(JSON.stringify(invalidFeed));
    } else if (req.url === '/no-cors.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(validFeed));
    } else if (req.url === '/one-site.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': 'https://council.example' });
      res.end(JSON.stringify(validFeed));
    } else if (req.url === '/reflects.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': req.headers.origin ?? 'null' });
      res.end(JSON.stringify(validFeed));
    } else if (req.url === '/wrong-type.json') {
      res.writeHead(200, { 'content-type': 'text/html', ...cors }).end(JSON.stringify(validFeed));
    } else if (req.url === '/latin1.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=iso-8859-1', ...cors });
      res.end(Buffer.from(JSON.stringify({ ...validFeed, compact: { id: 'x', name: 'Ynys Môn' } }), 'latin1'));
    } else if (req.url === '/escapes.json') {
      res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(JSON.stringify(escapesFeed));
    } else if (req.url === '/redirect.json') {
      res.writeHead(302, { location: '/valid.json' }).end();
    } else if (req.url === '/endless.json') {
      // No Content-Length, and it never ends: the command must stop reading at its cap.
      res.writeHead(200, { 'content-type': 'application/json', ...cors });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      const pump = () => {
        while (res.write(chunk)) {
          served += chunk.length;
          if (served > 200 * 1024 * 1024) return res.destroy(); // a safety net for the test itself
        }
        res.once('drain', pump);
      };
      res.on('close', () => (endlessClosed = true));
      pump();
    } else if (req.url === '/huge-length.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(30 * 1024 * 1024), ...cors });
      res.write('{');
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

  it('a feed that is not UTF-8 is a problem, with the line where it first shows and how to save it', async () => {
    const latin1 = await run(['validate', file('latin1.json')]);
    assert.equal(latin1.code, 1, latin1.stdout);
    assert.match(latin1.stdout, /^\$: This feed is not UTF-8 text \(line 13, column 17\); save it as UTF-8/m);
    assert.match(latin1.stdout, /INVALID: 1 problem/);
    const utf16 = await run(['validate', file('utf16.json')]);
    assert.equal(utf16.code, 1, utf16.stdout);
    assert.match(utf16.stdout, /^\$: This feed is UTF-16 text; save it as UTF-8/m);
    assert.match(utf16.stdout, /INVALID: This feed is UTF-16 text.* \(not-utf-8\)$/m);
    // Widgets read every feed as UTF-8, whatever charset the server names.
    const served = await run(['validate', `${base}/latin1.json`]);
    assert.equal(served.code, 1, served.stdout);
    assert.match(served.stdout, /^\$: This feed is not UTF-8 text \(line 1, column 56\)/m);
  });

  it('a missing file: exit 2', async () => {
    const r = await run(['validate', file('missing.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read .*missing\.json/);
  });

  it('a JSON syntax error says the line and column', async () => {
    const r = await run(['validate', file('syntax.json')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /not valid JSON: .*\(line 4, column 3\)/);
  });

  it('unknown properties are warnings with "did you mean", and the feed stays valid', async () => {
    const r = await run(['validate', file('unknown.json')]);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /^warning: \$\.signatorys: unknown property, ignored by the widgets — did you mean "signatories"\?$/m);
    assert.match(r.stdout, /^warning: \$\.compact\.colour: unknown property/m);
    assert.match(r.stdout, /valid compact feed \(version 1\.0\), 2 warnings$/m);
  });

  it('a duplicate id in any list is a problem', async () => {
    const r = await run(['validate', file('duplicates.json')]);
    assert.equal(r.code, 1);
    for (const path of [
      '$.compact.principles[1].id',
      '$.compact.commitments[1].id',
      '$.signatories[1].id',
      '$.actionPlan.aims[0].actions[1].id',
      '$.actionPlan.aims[1].id',
      '$.consultations[1].id',
    ]) {
      assert.ok(r.stdout.split('\n').some((line) => line.startsWith(`${path}: `) && line.includes('ids must be unique')), path);
    }
    assert.match(r.stdout, /INVALID: 6 problems/);
  });

  it('addresses with a user name or password are problems (the endpoint too)', async () => {
    const r = await run(['validate', file('credentials.json')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^\$\.compact\.url: must be an absolute http: or https: address/m);
    assert.match(r.stdout, /^\$\.pledge\.endpoint: must be an absolute http: or https: address/m);
  });

  it('escapes control characters and terminal escape sequences in everything it prints', async () => {
    for (const source of [file('escapes.json'), `${base}/escapes.json`]) {
      const r = await run(['validate', source]);
      assert.equal(r.code, 1);
      const all = r.stdout + r.stderr;
      assert.doesNotMatch(all, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, JSON.stringify(all));
      assert.match(all, /\\u001b\[2J/);
      assert.match(all, /\\u009b31m/);
    }
    // The file name is printed too.
    const name = file(`feed${ESC}[2J.json`);
    writeFileSync(name, JSON.stringify(escapesFeed));
    const r = await run(['validate', name]);
    assert.doesNotMatch(r.stdout + r.stderr, /\u001b/);
    const missing = await run(['validate', file(`nope${ESC}]0;title\u0007.json`)]);
    assert.equal(missing.code, 2);
    assert.doesNotMatch(missing.stderr, /[\u0007\u001b]/);
  });

  it('stops reading at 20 MB, with a clear message: a file, an endless body, a huge Content-Length', async () => {
    const big = await run(['validate', file('big.json')]);
    assert.equal(big.code, 2);
    assert.match(big.stderr, /larger than 20 MB/);
    const endless = await run(['validate', `${base}/endless.json`]);
    assert.equal(endless.code, 2);
    assert.match(endless.stderr, /larger than 20 MB/);
    assert.ok(served < 100 * 1024 * 1024, `read ${served} bytes before stopping`);
    const huge = await run(['validate', `${base}/huge-length.json`]);
    assert.equal(huge.code, 2);
    assert.match(huge.stderr, /larger than 20 MB/);
  });

  it('a URL: says whether other sites may read it (CORS) and whether it is served as JSON', async () => {
    const ok = await run(['validate', `${base}/valid.json`]);
    assert.equal(ok.code, 0);
    assert.match(ok.stdout, /CORS: Access-Control-Allow-Origin: \*/);
    assert.match(ok.stdout, /Content-Type: application\/json/);

    const noCors = await run(['validate', `${base}/no-cors.json`]);
    assert.equal(noCors.code, 1, 'a feed other sites cannot read is not ready');
    assert.match(noCors.stdout, /CORS: no Access-Control-Allow-Origin header/);
    assert.match(noCors.stdout, /the feed is valid \(version 1\.0\), but NOT READABLE by widgets on other sites/);

    const oneSite = await run(['validate', `${base}/one-site.json`]);
    assert.equal(oneSite.code, 1);
    assert.match(oneSite.stdout, /only pages on that site can read this feed/);

    const reflects = await run(['validate', `${base}/reflects.json`]);
    assert.equal(reflects.code, 0, reflects.stdout);
    assert.match(reflects.stdout, /CORS: the server allows the site that asks/);

    const wrongType = await run(['validate', `${base}/wrong-type.json`]);
    assert.equal(wrongType.code, 0);
    assert.match(wrongType.stdout, /^warning: .*Content-Type is "text\/html"; serve the feed as "application\/json"/m);
    assert.match(wrongType.stdout, /valid compact feed \(version 1\.0\), 1 warning$/m);

    const redirected = await run(['validate', `${base}/redirect.json`]);
    assert.equal(redirected.code, 0);
    assert.match(redirected.stdout, /redirected to http:\/\/127\.0\.0\.1:\d+\/valid\.json/);
  });

  it('a URL: fetched and checked', async () => {
    const ok = await run(['validate', `${base}/valid.json`]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /valid compact feed/);
    const bad = await run(['validate', `${base}/invalid.json`]);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /\$\.signatories\[0\]\.url: /);
  });

  it('a file: URL is read as the file; another scheme is refused as such, not as "no such file"', async () => {
    const local = await run(['validate', pathToFileURL(file('valid.json')).href]);
    assert.equal(local.code, 0, local.stderr);
    assert.match(local.stdout, /valid compact feed/);
    const ftp = await run(['validate', 'ftp://council.example/feed.json']);
    assert.equal(ftp.code, 2);
    assert.match(ftp.stderr, /^compact-widgets: cannot read ftp:\/\/council\.example\/feed\.json: only http: and https: addresses/m);
  });

  it('a URL that answers an HTTP error: exit 2', async () => {
    const r = await run(['validate', `${base}/nothing-here.json`]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /HTTP 404/);
  });

  it('output cut short (| head): no stack trace, and the exit status still says invalid', async () => {
    const child = spawn(process.execPath, [bin, 'validate', file('many-problems.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Like `head -1`: read the first lines, then close the pipe while the command is still writing.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 1);
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
    for (const args of [[], ['check', 'x.json'], ['validate'], ['validate', 'a.json', 'b.json'], ['validate', '--strict', 'a.json'], ['validate', '--', 'a.json', 'b.json']]) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /Usage:/);
    }
  });

  it('an empty argument (an unset variable) is a usage error that says so, not "no such file"', async () => {
    const r = await run(['validate', '']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /the file or URL given is empty/);
    assert.doesNotMatch(r.stderr, /no such file/);
  });

  it('--version: the package version, exit 0', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const r = await run(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), version);
  });

  it('after --, a file whose name starts with "-" is a file, not an option', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-dashes-'));
    try {
      writeFileSync(join(dir, '-feed.json'), JSON.stringify(validFeed));
      const child = await new Promise((resolve) => {
        execFile(process.execPath, [bin, 'validate', '--', '-feed.json'], { cwd: dir, timeout: 30000 }, (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
      });
      assert.equal(child.code, 0, child.stderr);
      assert.match(child.stdout, /-feed\.json: valid compact feed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
