/** Text options that carry more than text: durations and tag lists, the same on every platform. */

/** `8h`, `90m`, `1h30m`, `1h 30m` or plain minutes (`45`); null when it is none of those. */
export function parseMinutes(text: string): number | null {
  if (/^\s*\d+\s*$/.test(text)) return Number(text);
  const m = /^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*$/i.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

/** `DL,ML`, `DL ML`, `DL，ML` or `DL、ML` → `['DL', 'ML']`; empty for no text. */
export function splitTags(text: string | undefined): string[] {
  return text === undefined ? [] : text.split(/[\s,，、]+/).filter(Boolean);
}
