// The yardstick for the server benchmark: plain node:http answering the same feed bytes (200, or 304
// for a matching ETag) and a fixed 202 to POSTs, with no framework, database or checks.
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [file, etag, port] = process.argv.slice(2);
const body = readFileSync(file);
const pledgeAnswer = JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', status: 'pending' });

http
  .createServer((req, res) => {
    if (req.method === 'POST') {
      req.resume();
      req.on('end', () => res.writeHead(202, { 'content-type': 'application/json; charset=utf-8' }).end(pledgeAnswer));
      return;
    }
    const headers = { etag, 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*', 'content-type': 'application/json; charset=utf-8' };
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
    res.writeHead(200, headers).end(body);
  })
  .listen(Number(port), '127.0.0.1', () => console.log('ready'));
