// Small helpers for lit-localize's XLIFF 1.2 files, shared by the translation scripts.
import { readFileSync, writeFileSync } from 'node:fs';

export const TARGET_LOCALES = ['cy', 'gd'];
export const xliffPath = (locale, dir = 'locales') => `${dir}/${locale}.xlf`;

const UNIT = /<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g;

/** Every trans-unit: id, source (raw XML), target (raw XML or undefined), note. */
export function readUnits(path) {
  const xml = readFileSync(path, 'utf8');
  const units = [];
  for (const [, id, inner] of xml.matchAll(UNIT)) {
    const source = /<source>([\s\S]*?)<\/source>/.exec(inner)?.[1] ?? '';
    const target = /<target>([\s\S]*?)<\/target>/.exec(inner)?.[1];
    const note = /<note>([\s\S]*?)<\/note>/.exec(inner)?.[1];
    units.push({ id, source, target, note });
  }
  return { xml, units };
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Turns a translator's plain text into XLIFF target XML: `{0}`, `{1}` stand for the source's
 * placeholders (`<x id="0" …/>`), copied across with their equiv-text.
 */
export function toTargetXml(text, sourceXml) {
  const placeholders = new Map([...sourceXml.matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => [m[1], m[0]]));
  return escapeXml(text).replace(/\{(\d+)\}/g, (whole, n) => {
    const x = placeholders.get(n);
    if (!x) throw new Error(`placeholder {${n}} is not in the source: ${sourceXml}`);
    return x;
  });
}

/** Writes targets (and notes) into one XLIFF file, keeping everything else as it is. */
export function writeTargets(path, translations) {
  let { xml } = readUnits(path);
  const missing = [];
  for (const [id, { text, note }] of Object.entries(translations)) {
    const re = new RegExp(`<trans-unit id="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">([\\s\\S]*?)</trans-unit>`);
    const match = re.exec(xml);
    if (!match) {
      missing.push(id);
      continue;
    }
    const source = /<source>([\s\S]*?)<\/source>/.exec(match[1])[1];
    let inner = `\n  <source>${source}</source>\n  <target>${toTargetXml(text, source)}</target>\n`;
    if (note) inner += `  <note>${escapeXml(note)}</note>\n`;
    xml = xml.replace(re, () => `<trans-unit id="${id}">${inner}</trans-unit>`);
  }
  writeFileSync(path, xml);
  return missing;
}
