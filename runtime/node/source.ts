/**
 * A Python source file's bytes read as CPython reads a script (PEP 263): UTF-8 unless
 * a coding declaration in its first two lines says otherwise, a UTF-8 byte order mark
 * skipped, and bytes that are not in the encoding refused with CPython's SyntaxError.
 */

export type DecodedSource = { ok: true; code: string } | { ok: false; error: string };

const BOM = [0xef, 0xbb, 0xbf];
/** PEP 263's pattern, on a line that holds only a comment. */
const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

export function decodeSource(bytes: Uint8Array, file: string): DecodedSource {
  const bom = BOM.every((byte, i) => bytes[i] === byte);
  const body = bom ? bytes.subarray(3) : bytes;
  const declared = declaredEncoding(body);
  if (bom && declared && !/^utf[-_]?8/i.test(declared)) {
    return { ok: false, error: `SyntaxError: encoding problem: ${declared} with BOM` };
  }
  const encoding = declared ? pythonEncoding(declared) : 'utf-8';
  // Latin-1 is every byte as the code point of its value (a TextDecoder's "latin1" is windows-1252).
  if (encoding === 'latin-1') return { ok: true, code: Array.from(body, (byte) => String.fromCharCode(byte)).join('') };
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    return { ok: false, error: `SyntaxError: unknown encoding: ${declared}` };
  }
  try {
    return { ok: true, code: decoder.decode(body) };
  } catch {
    if (declared) return { ok: false, error: `SyntaxError: '${declared}' codec can't decode the file ${file}` };
    const { byte, line } = firstInvalidUtf8(body);
    return {
      ok: false,
      error:
        `SyntaxError: Non-UTF-8 code starting with '\\x${byte.toString(16).padStart(2, '0')}' in file ${file} on line ${line}, ` +
        'but no encoding declared; see https://peps.python.org/pep-0263/ for details',
    };
  }
}

/** Python's spelling of an encoding, as a TextDecoder label (or 'latin-1', decoded here). */
function pythonEncoding(name: string): string {
  const key = name.toLowerCase().replace(/_/g, '-');
  if (/^(latin-?1|iso-?8859-1|l1|iso-ir-100|cp819|8859)$/.test(key)) return 'latin-1';
  if (/^utf-?8(-sig)?$/.test(key)) return 'utf-8';
  return key.replace(/^cp(\d+)$/, 'windows-$1');
}

/** The encoding named on line 1, or on line 2 when line 1 is a comment or blank. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).split(/\r\n|\r|\n/, 2);
  const first = CODING.exec(head[0] ?? '');
  if (first) return first[1];
  if (!/^[ \t\f]*(#.*)?$/.test(head[0] ?? '')) return null;
  return CODING.exec(head[1] ?? '')?.[1] ?? null;
}

function firstInvalidUtf8(bytes: Uint8Array): { byte: number; line: number } {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i];
    const length =
      byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    const valid =
      length > 0 &&
      i + length <= bytes.length &&
      new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(i, i + length)).indexOf('\ufffd') < 0;
    if (!valid) return { byte, line };
    if (byte === 0x0a) line++;
    i += length;
  }
  return { byte: 0, line };
}
