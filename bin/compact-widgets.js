#!/usr/bin/env node
// compact-widgets: command-line tools for publishers of compact feeds.
//   compact-widgets validate <file or URL>
// Exit codes: 0 valid, 1 invalid (the feed failed or has problems, or other sites cannot read it),
// 2 usage error or unreadable input.
import { isUtf8 } from 'node:buffer';
import { open, readFile } from 'node:fs/promises';

const HELP = `Usage: compact-widgets validate <file or URL>
       compact-widgets validate -          (read the feed from standard input)

Checks a compact feed (version 1) against the feed contract and lists every problem
with its place in the feed, for example:

  $.signatories[3].url: must be an absolute http: or https: address; got "javascript:alert(1)"

Properties the contract does not know are listed as warnings ("did you mean ..."):
they do not make the feed invalid. For a URL it also checks what a browser on another
site needs: the Access-Control-Allow-Origin header (CORS) and the Content-Type.

Exit status: 0 when the feed is valid, 1 when it has problems or other sites cannot
read it, 2 when the command is used wrongly or the file or URL cannot be read.

Options:
  -h, --help   show this help
  --version    show the version of compact-widgets (and so of the feed contract it checks)
  --           what follows is a file name, even if it starts with "-"`;

const FETCH_TIMEOUT_MS = 30_000;
/** Far more than any compact feed (the largest real ones are well under 1 MB). */
const MAX_BYTES = 20 * 1024 * 1024;
const MAX_WARNINGS_SHOWN = 100;
/** Sent as the Origin of the request, so that a server which answers CORS only when asked, answers. */
const PROBE_ORIGIN = 'https://another-site.example';

/**
 * Text from the feed, the file name or the network, made safe for a terminal: control characters
 * (escape sequences can rewrite the screen or the window title), bidirectional controls (which
 * reorder what is shown) and invisible characters are written as \uXXXX.
 */
function printable(value) {
  return String(value).replace(
    /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A reader that stops early (`| head`, a pager closed) is not an error: what is left unprinted is
 * dropped, and the exit status still says whether the feed is valid.
 */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}
const writeTo = (stream, text) => {
  if (!stream.destroyed) stream.write(text);
};

const out = (line) => writeTo(process.stdout, `${printable(line)}\n`);
const err = (line) => writeTo(process.stderr, `${printable(line)}\n`);

function usage(message) {
  process.stderr.write(`compact-widgets: ${printable(message)}\n\n${HELP}\n`);
  return 2;
}

class TooLarge extends Error {
  constructor() {
    super(`it is larger than ${MAX_BYTES / 1024 / 1024} MB, the most this command reads (a compact feed is far smaller: is this the right address?)`);
  }
}

/** Reads chunks (Buffers or Uint8Arrays) up to MAX_BYTES, as one Buffer. */
async function readCapped(chunks, onTooLarge = () => {}) {
  const parts = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > MAX_BYTES) {
      onTooLarge();
      throw new TooLarge();
    }
    parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return Buffer.concat(parts);
}

/** Where bytes first stop being UTF-8: line and column (from 1), as the JSON syntax errors say it. */
function firstNotUtf8(bytes) {
  let start = 0;
  for (let line = 1; ; line++) {
    // A newline byte is never part of a longer UTF-8 sequence, so each line can be checked alone.
    const end = bytes.indexOf(0x0a, start);
    const part = bytes.subarray(start, end < 0 ? bytes.length : end);
    if (!isUtf8(part) || end < 0) return { line, column: part.toString('utf8').indexOf('\ufffd') + 1 };
    start = end + 1;
  }
}

/**
 * The feed's text, and why the widgets cannot read it as it is: a browser reads every feed as UTF-8
 * (JSON's own encoding, whatever charset the server names), so a file saved as Windows-1252 shows
 * "C\ufffdr" for "Côr" in every widget. UTF-16 (Notepad's "Unicode", with its byte-order mark) is
 * still decoded, so that the rest of the feed is checked too.
 */
function decode(bytes) {
  if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    const message = 'This feed is UTF-16 text; save it as UTF-8: the widgets read feeds as UTF-8 and cannot read this one';
    return { text: new TextDecoder(utf16).decode(bytes), encoding: { message, unreadable: true } };
  }
  const { line, column } = firstNotUtf8(bytes);
  return {
    text: bytes.toString('utf8'),
    encoding: {
      message:
        `This feed is not UTF-8 text (line ${line}, column ${column}); save it as UTF-8: ` +
        'the widgets read feeds as UTF-8 and would show \ufffd in place of those characters',
    },
  };
}

/** What the response says about use from other sites: problems (exit 1) and warnings. */
function httpChecks(source, response) {
  const problems = [];
  const warnings = [];
  const notes = [];
  if (response.url && response.url !== source) {
    notes.push(`redirected to ${response.url} (the widgets follow redirects; an embed page's allow-list checks this address)`);
  }
  const allowOrigin = response.headers.get('access-control-allow-origin');
  if (allowOrigin === null) {
    problems.push(
      'CORS: no Access-Control-Allow-Origin header, so widgets on other sites cannot read this feed ' +
        '(they say it "could not be loaded"). Send "Access-Control-Allow-Origin: *" with it.',
    );
  } else if (allowOrigin.trim() === '*') {
    notes.push('CORS: Access-Control-Allow-Origin: * (widgets on any site can read it)');
  } else if (allowOrigin.trim() === PROBE_ORIGIN) {
    notes.push('CORS: the server allows the site that asks (it answered with the requesting origin)');
  } else {
    problems.push(
      `CORS: Access-Control-Allow-Origin is "${allowOrigin}", so only pages on that site can read this feed. ` +
        'Send "Access-Control-Allow-Origin: *" so that other sites (a charity\'s badge, say) can show it.',
    );
  }
  const type = response.headers.get('content-type');
  const mediaType = (type ?? '').split(';')[0].trim().toLowerCase();
  if (!type) {
    warnings.push('Content-Type: none; serve the feed as "Content-Type: application/json"');
  } else if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) {
    warnings.push(`Content-Type is "${type}"; serve the feed as "application/json" (proxies and browsers may treat other types differently)`);
  } else {
    notes.push(`Content-Type: ${type}`);
  }
  return { problems, warnings, notes };
}

async function readUrl(source) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`no complete answer within ${FETCH_TIMEOUT_MS / 1000} seconds`)), FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(source, {
      headers: { accept: 'application/json', origin: PROBE_ORIGIN },
      signal: abort.signal,
    });
    if (!response.ok) throw new Error(`${source} answered HTTP ${response.status} ${response.statusText}`.trim());
    const length = Number(response.headers.get('content-length'));
    if (Number.isFinite(length) && length > MAX_BYTES) {
      abort.abort();
      throw new TooLarge();
    }
    const bytes = await readCapped(response.body ?? [], () => abort.abort());
    return { ...decode(bytes), http: httpChecks(source, response) };
  } catch (error) {
    if (error instanceof TooLarge) throw error;
    if (abort.signal.aborted && abort.signal.reason instanceof Error) throw abort.signal.reason;
    throw new Error(error?.cause?.message ?? error?.message ?? String(error));
  } finally {
    clearTimeout(timer);
  }
}

async function readFileCapped(path) {
  // Streamed rather than read whole: /dev/zero or a named pipe has no size to check first.
  const handle = await open(path, 'r');
  try {
    return await readCapped(handle.createReadStream({ autoClose: false }));
  } finally {
    await handle.close();
  }
}

async function readSource(source) {
  if (/^https?:\/\//i.test(source)) return readUrl(source);
  // A file: URL (copied from a browser's address bar) is that file; any other scheme is not a path.
  if (/^file:/i.test(source)) return decode(await readFileCapped(new URL(source)));
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(source)) throw new Error('only http: and https: addresses can be fetched (a file is given by its path)');
  if (source === '-') {
    // Someone typing `validate -` at a prompt would otherwise wait at a silent terminal.
    if (process.stdin.isTTY) err('compact-widgets: reading the feed from standard input: paste it, then press Ctrl-D (Ctrl-Z, Enter on Windows)');
    return decode(await readCapped(process.stdin));
  }
  return decode(await readFileCapped(source));
}

async function loadValidator() {
  try {
    return (await import('../dist/lib/feed/index.js')).checkFeedText;
  } catch (error) {
    err(`compact-widgets: the validator is not built (${error?.message ?? error}); run "npm run build" first`);
    return null;
  }
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

async function validate(source) {
  const checkFeedText = await loadValidator();
  if (!checkFeedText) return 2;
  let read;
  try {
    read = await readSource(source);
  } catch (error) {
    const reason = error?.code === 'ENOENT' ? 'no such file' : error?.code === 'EISDIR' ? 'it is a folder' : error?.message ?? String(error);
    err(`compact-widgets: cannot read ${source}: ${reason}`);
    return 2;
  }
  const result = checkFeedText(read.text);
  const problems = read.encoding ? [{ path: '$', message: read.encoding.message }, ...result.problems] : result.problems;
  const failure = result.failure ?? (read.encoding?.unreadable ? { message: read.encoding.message, code: 'not-utf-8' } : undefined);
  for (const problem of problems) out(`${problem.path}: ${problem.message}`);
  const warnings = result.warnings ?? [];
  for (const warning of warnings.slice(0, MAX_WARNINGS_SHOWN)) out(`warning: ${warning.path}: ${warning.message}`);
  if (warnings.length > MAX_WARNINGS_SHOWN) out(`warning: ... and ${warnings.length - MAX_WARNINGS_SHOWN} more`);
  const http = read.http ?? { problems: [], warnings: [], notes: [] };
  for (const note of http.notes) out(`${source}: ${note}`);
  for (const warning of http.warnings) out(`warning: ${source}: ${warning}`);
  for (const problem of http.problems) out(`${source}: ${problem}`);

  const count = problems.length;
  const warned = warnings.length + http.warnings.length;
  const withWarnings = warned > 0 ? `, ${plural(warned, 'warning')}` : '';
  if (failure) {
    out(`${source}: INVALID: ${failure.message} (${failure.code})`);
  } else if (count > 0) {
    out(`${source}: INVALID: ${plural(count, 'problem')}${withWarnings} (widgets will still show the rest)`);
  } else if (http.problems.length > 0) {
    out(`${source}: the feed is valid (version ${result.feed.feedVersion}), but NOT READABLE by widgets on other sites: see above`);
  } else {
    out(`${source}: valid compact feed (version ${result.feed.feedVersion})${withWarnings}`);
  }
  return result.valid && !read.encoding && http.problems.length === 0 ? 0 : 1;
}

async function main(args) {
  const dashes = args.indexOf('--');
  const named = dashes < 0 ? args : args.slice(0, dashes);
  const afterDashes = dashes < 0 ? [] : args.slice(dashes + 1);
  if (named.includes('-h') || named.includes('--help') || named[0] === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (named.includes('--version')) {
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    out(version);
    return 0;
  }
  const [command, ...rest] = named.length > 0 ? named : afterDashes.splice(0, 1);
  if (!command) return usage('no command given');
  if (command !== 'validate') return usage(`unknown command "${command}"`);
  const unknown = rest.find((a) => a.startsWith('-') && a !== '-');
  if (unknown) return usage(`unknown option "${unknown}"`);
  const sources = [...rest, ...afterDashes];
  if (sources.length !== 1) return usage('validate needs exactly one file or URL');
  if (sources[0].trim() === '') return usage('the file or URL given is empty (is the variable that should hold it set?)');
  return validate(sources[0]);
}

process.exitCode = await main(process.argv.slice(2));
