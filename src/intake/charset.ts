import { TextDecoder } from "node:util";

/**
 * Decodes a fetched body to text: the charset the Content-Type names, else one the document declares in
 * its first bytes (<meta charset>, <?xml encoding?>), else UTF-8. An unknown charset falls back to UTF-8
 * rather than failing, since most such pages are UTF-8 anyway.
 */
export function decodeBody(bytes: Uint8Array, contentTypeHeader: string): string {
  const label = headerCharset(contentTypeHeader) ?? declaredCharset(bytes) ?? "utf-8";
  return decoderFor(label).decode(bytes);
}

function headerCharset(contentTypeHeader: string): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentTypeHeader);
  return match?.[1];
}

/** Browsers look at the first 1024 bytes for a declaration; ASCII-compatible decoding is enough for that. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  if (meta) return meta[1];
  const xml = /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w-]+)["']/i.exec(head);
  return xml?.[1];
}

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder("utf-8");
  }
}
