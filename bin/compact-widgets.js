#!/usr/bin/env node
// compact-widgets: command-line tools for publishers of compact feeds.
//   compact-widgets validate <file or URL>
// Exit codes: 0 valid, 1 invalid (the feed failed or has problems), 2 usage error or unreadable input.
import { readFile } from 'node:fs/promises';

const HELP = `Usage: compact-widgets validate <file or URL>
       compact-widgets validate -          (read the feed from standard input)

Checks a compact feed (version 1) against the feed contract and lists every problem
with its place in the feed, for example:

  $.signatories[3].url: must be an absolute http: or https: address; got "javascript:alert(1)"

Exit status: 0 when the feed is valid, 1 when it has problems, 2 when the command
is used wrongly or the file or URL cannot be read.

Options:
  -h, --help   show this help`;

const FETCH_TIMEOUT_MS = 30_000;

function usage(message) {
  process.stderr.write(`compact-widgets: ${message}\n\n${HELP}\n`);
  return 2;
}

async function readSource(source) {
  if (/^https?:\/\//i.test(source)) {
    const res = await fetch(source, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`${source} answered HTTP ${res.status} ${res.statusText}`.trim());
    return res.text();
  }
  if (source === '-') {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }
  return readFile(source, 'utf8');
}

async function loadValidator() {
  try {
    return (await import('../dist/lib/feed/index.js')).checkFeedText;
  } catch (err) {
    process.stderr.write(
      `compact-widgets: the validator is not built (${err?.message ?? err}); run "npm run build" first\n`,
    );
    return null;
  }
}

async function validate(source) {
  const checkFeedText = await loadValidator();
  if (!checkFeedText) return 2;
  let text;
  try {
    text = await readSource(source);
  } catch (err) {
    const reason = err?.code === 'ENOENT' ? 'no such file' : err?.message ?? String(err);
    process.stderr.write(`compact-widgets: cannot read ${source}: ${reason}\n`);
    return 2;
  }
  const result = checkFeedText(text);
  for (const problem of result.problems) process.stdout.write(`${problem.path}: ${problem.message}\n`);
  const count = result.problems.length;
  if (result.failure) {
    process.stdout.write(`${source}: INVALID: ${result.failure.message} (${result.failure.code})\n`);
  } else if (count > 0) {
    process.stdout.write(
      `${source}: INVALID: ${count} problem${count === 1 ? '' : 's'} (widgets will still show the rest)\n`,
    );
  } else {
    process.stdout.write(`${source}: valid compact feed (version ${result.feed.feedVersion})\n`);
  }
  return result.valid ? 0 : 1;
}

async function main(args) {
  if (args.includes('-h') || args.includes('--help') || args[0] === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const [command, ...rest] = args;
  if (!command) return usage('no command given');
  if (command !== 'validate') return usage(`unknown command "${command}"`);
  const unknown = rest.find((a) => a.startsWith('-') && a !== '-');
  if (unknown) return usage(`unknown option "${unknown}"`);
  if (rest.length !== 1) return usage('validate needs exactly one file or URL');
  return validate(rest[0]);
}

process.exitCode = await main(process.argv.slice(2));
