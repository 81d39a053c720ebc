import { AppError } from '../../errors';

/**
 * A small streaming reader for the XML inside an .xlsx: elements, attributes and text, fed chunk by chunk, so a
 * sheet is read as it is inflated and reading can stop at a limit without the rest ever being unzipped. It knows
 * no DTD (OOXML has none; one is refused, which also shuts out entity expansion), and holds back at most one
 * unfinished tag or entity between chunks.
 */
export interface XmlHandler {
  /** `name` without its namespace prefix; `attrs` is the raw attribute text, read with `xmlAttr`. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Decoded text, possibly in several pieces for one run of text. */
  text(text: string): void;
}

export interface XmlStream {
  write(chunk: string): void;
  end(): void;
}

const MAX_TAG_CHARS = 64 * 1024;

export function brokenXlsx(): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Tệp Excel bị hỏng hoặc không đọc được');
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(match: string, body: string): string {
  const named = NAMED_ENTITIES[body];
  if (named !== undefined) return named;
  const code =
    body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

export function decodeXmlText(text: string): string {
  return text.includes('&') ? text.replace(/&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,8}|[a-z]+);/g, decodeEntity) : text;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

const attrPatterns = new Map<string, RegExp>();

/** One attribute's decoded value, its namespace prefix ignored ("r:id" is read as "id"). */
export function xmlAttr(attrs: string, name: string): string | undefined {
  let pattern = attrPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, pattern);
  }
  const match = pattern.exec(attrs);
  if (!match) return undefined;
  return decodeXmlText(match[1] ?? match[2] ?? '');
}

/** Where the tag opened at `start` ends (its `>`), quotes respected; -1 when it has not arrived yet. */
function tagEnd(buffer: string, start: number): number {
  let quote = 0;
  for (let i = start; i < buffer.length; i++) {
    const code = buffer.charCodeAt(i);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) quote = code;
    else if (code === 0x3e) return i;
  }
  return -1;
}

/** Where the element name in a tag body ends: at the first blank. */
function nameEnd(body: string): number {
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d) return i;
  }
  return -1;
}

export function createXmlStream(handler: XmlHandler): XmlStream {
  let buffer = '';

  function emitText(raw: string) {
    if (raw) handler.text(decodeXmlText(raw));
  }

  function markup(at: number, final: boolean): number {
    // Too little to tell a comment or CDATA from a tag: wait for more.
    if (!final && buffer.length - at < 9) return -1;
    const second = buffer.charCodeAt(at + 1);
    if (second !== 0x21 && second !== 0x3f) return element(at);
    if (buffer.startsWith('<!--', at)) {
      const end = buffer.indexOf('-->', at + 4);
      return end === -1 ? -1 : end + 3;
    }
    if (buffer.startsWith('<![CDATA[', at)) {
      const end = buffer.indexOf(']]>', at + 9);
      if (end === -1) return -1;
      if (end > at + 9) handler.text(buffer.slice(at + 9, end));
      return end + 3;
    }
    if (buffer.startsWith('<?', at)) {
      const end = buffer.indexOf('?>', at + 2);
      return end === -1 ? -1 : end + 2;
    }
    throw brokenXlsx();
  }

  function element(at: number): number {
    const end = tagEnd(buffer, at + 1);
    if (end === -1) return -1;
    if (buffer[at + 1] === '/') {
      handler.close(localName(buffer.slice(at + 2, end).trim()));
      return end + 1;
    }
    const selfClosing = buffer[end - 1] === '/';
    const body = buffer.slice(at + 1, selfClosing ? end - 1 : end);
    const space = nameEnd(body);
    const name = localName(space === -1 ? body : body.slice(0, space));
    if (!name) throw brokenXlsx();
    handler.open(name, space === -1 ? '' : body.slice(space), selfClosing);
    if (selfClosing) handler.close(name);
    return end + 1;
  }

  function pump(final: boolean) {
    let at = 0;
    while (at < buffer.length) {
      const lt = buffer.indexOf('<', at);
      if (lt === -1) {
        // An entity cut in two by the chunk boundary waits for its end.
        const amp = buffer.lastIndexOf('&');
        const cut = !final && amp >= at && buffer.length - amp <= 12 && buffer.indexOf(';', amp) === -1;
        const end = cut ? amp : buffer.length;
        emitText(buffer.slice(at, end));
        at = end;
        break;
      }
      if (lt > at) emitText(buffer.slice(at, lt));
      at = lt;
      const next = markup(at, final);
      if (next === -1) {
        if (final || buffer.length - at > MAX_TAG_CHARS) throw brokenXlsx();
        break;
      }
      at = next;
    }
    buffer = buffer.slice(at);
    if (final && buffer) throw brokenXlsx();
  }

  return {
    write(chunk) {
      buffer = buffer ? buffer + chunk : chunk;
      pump(false);
    },
    end() {
      pump(true);
    },
  };
}
