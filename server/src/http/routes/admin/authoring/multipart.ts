/**
 * A small, bounded reader of `multipart/form-data` for the spreadsheet upload (no multipart plugin
 * is installed; see docs/editing.md). The whole body is at most `bodyLimit` bytes (Fastify refuses
 * more with 413 before this runs); at most a few parts, short text fields, one file per name. It
 * produces a plain object, so the admin's CSRF check reads `_csrf` from it like from any form.
 */
import type { FastifyInstance } from 'fastify';

export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

export const MAX_PARTS = 8;
export const MAX_FIELD = 4096;

export class MultipartError extends Error {
  statusCode = 400;
}

function boundaryOf(contentType: string): string {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new MultipartError('multipart/form-data without a boundary');
  return boundary;
}

function headerParam(header: string, name: string): string | undefined {
  // Browsers send names percent-encoded where they would hold a quote, and never backslash-escape
  // (old browsers sent a whole Windows path: only the part after the last \\ or / is kept).
  const match = new RegExp(`;\\s*${name}="([^"]*)"`, 'i').exec(header) ?? new RegExp(`;\\s*${name}=([^;\\s]+)`, 'i').exec(header);
  return match ? match[1] : undefined;
}

export function parseMultipart(body: Buffer, contentType: string): Record<string, string | UploadedFile> {
  const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
  const result: Record<string, string | UploadedFile> = {};
  let at = body.indexOf(delimiter);
  if (at < 0) throw new MultipartError('multipart body without its boundary');
  for (let parts = 0; ; parts++) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return result; // the closing delimiter
    if (parts >= MAX_PARTS) throw new MultipartError('too many parts');
    if (body.subarray(at, at + 2).toString() !== '\r\n') throw new MultipartError('malformed multipart body');
    at += 2;
    const headerEnd = body.indexOf('\r\n\r\n', at);
    if (headerEnd < 0 || headerEnd - at > 2048) throw new MultipartError('malformed part headers');
    const headers = body.subarray(at, headerEnd).toString('utf8').split('\r\n');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) throw new MultipartError('unterminated part');
    const content = body.subarray(headerEnd + 4, next);
    at = next + 2;
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
    const name = headerParam(disposition, 'name');
    if (!name || name.length > 100 || name === '__proto__' || Object.hasOwn(result, name)) continue;
    const fileName = headerParam(disposition, 'filename');
    if (fileName !== undefined) {
      result[name] = { fileName: fileName.replace(/^.*[\\/]/, '').slice(0, 200), data: Buffer.from(content) };
    } else {
      if (content.length > MAX_FIELD) throw new MultipartError(`the field ${name} is too long`);
      result[name] = content.toString('utf8');
    }
  }
}

/** Registers the reader in the calling context only (the upload routes). */
export function acceptMultipart(app: FastifyInstance, bodyLimit: number): void {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
    try {
      done(null, parseMultipart(body as Buffer, String(request.headers['content-type'] ?? '')));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
