import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns/promises";
import { STATUS_CODES } from "node:http";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector, type Dispatcher, request } from "undici";
import { FetchRefusedError } from "../errors.ts";
import { AllowList, effectivePort, isIpAddress, isLocalHostName, isPublicAddress } from "./address-policy.ts";
import { decodeBody } from "./charset.ts";
import type { ConditionalHeaders, FetchedResource, ResourceFetcher } from "./types.ts";

/**
 * Fetches a link a reporter gave Newsdesk without letting the link reach the newsroom's own network:
 * every address a connection goes to is checked (after DNS, at connect time, so a name that resolves
 * to a public address once and a private one later gains nothing), redirects are followed by hand and
 * re-checked, and time, size and content type are bounded.
 */

/** Resolves a host name to every address it has (IPv4 and IPv6). */
export type HostLookup = (hostname: string) => Promise<string[]>;

export interface SafeFetcherOptions {
  /** host:port pairs that may be reached even on a private address (FETCH_ALLOW_HOSTS). */
  allowHosts?: readonly string[];
  /** The whole request, redirects and body included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** Injected in tests so a public-looking name can resolve to a private address without real DNS. */
  lookup?: HostLookup;
}

/** A ResourceFetcher that holds connections open for reuse; close() releases them. */
export interface SafeFetcher extends ResourceFetcher {
  close(): Promise<void>;
}

const DEFAULT_USER_AGENT = "Newsdesk/0.1 (newsroom digest bot)";

/** Media types read as pages or feeds; anything else (images, PDFs, downloads) is refused. */
const READABLE_TYPES = new Set([
  "text/html",
  "application/xhtml+xml",
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/feed+json",
  "application/json",
  "application/xml",
  "text/xml",
  "text/plain",
]);

const ACCEPT =
  "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json," +
  "application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.9,text/plain;q=0.8";

export const REFUSED_PRIVATE =
  "That link points to a private or local network address, which Newsdesk does not fetch.";
const REFUSED_SCHEME = "Only http and https links can be fetched.";
const REFUSED_CREDENTIALS = "Links with a user name or password in them are not fetched.";
const REFUSED_INVALID = "That is not a valid link.";
const UNKNOWN_HOST = "The site's name could not be found.";
const UNREACHABLE = "The site could not be reached.";

export function createSafeFetcher(options: SafeFetcherOptions = {}): SafeFetcher {
  const allow = new AllowList(options.allowHosts ?? []);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 5_000_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const agent = new Agent({
    connect: guardedConnector(allow, options.lookup ?? systemLookup, timeoutMs),
  });

  async function follow(link: URL, conditional: ConditionalHeaders, signal: AbortSignal) {
    let url = link;
    for (let redirects = 0; ; redirects++) {
      checkLink(url, allow);
      const response = await request(url, {
        dispatcher: agent,
        method: "GET",
        headers: requestHeaders(userAgent, conditional),
        signal,
      });
      const { statusCode, headers, body } = response;
      if (isRedirect(statusCode)) {
        discard(body);
        const location = headerValue(headers, "location");
        if (!location) throw new FetchRefusedError("The site answered with a redirect that leads nowhere.");
        if (redirects >= maxRedirects) {
          throw new FetchRefusedError(`The link redirects more than ${maxRedirects} times.`);
        }
        url = parseLink(location, url);
        continue;
      }
      return readResponse(url, response, conditional, maxBytes);
    }
  }

  return {
    async fetch(link: string, conditional: ConditionalHeaders = {}): Promise<FetchedResource> {
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        return await follow(parseLink(link), conditional, signal);
      } catch (error) {
        throw asRefusal(error, signal, timeoutMs);
      }
    },
    close: () => agent.close(),
  };
}

async function systemLookup(hostname: string): Promise<string[]> {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => entry.address);
}

function parseLink(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw new FetchRefusedError(REFUSED_INVALID);
  }
}

/**
 * What can be judged from the link alone, before any connection: the scheme, credentials, and a host
 * that is an IP address in any spelling (the URL parser has already turned 2130706433, 0x7f.1 and
 * [::ffff:127.0.0.1] into their plain forms) or a name for this machine.
 */
function checkLink(url: URL, allow: AllowList): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchRefusedError(REFUSED_SCHEME);
  if (url.username || url.password) throw new FetchRefusedError(REFUSED_CREDENTIALS);
  if (allow.allows(url.hostname, effectivePort(url))) return;
  const host = url.hostname;
  if ((isIpAddress(host) && !isPublicAddress(host)) || isLocalHostName(host)) {
    throw new FetchRefusedError(REFUSED_PRIVATE);
  }
}

/**
 * The connector undici opens every socket with: it resolves the name itself, refuses unless every
 * address is public (or the host:port is allow-listed), lets the socket connect only to the addresses it
 * checked (no second resolution a rebinding DNS server could answer differently), and checks the address
 * the socket actually reached.
 */
function guardedConnector(allow: AllowList, lookup: HostLookup, timeoutMs: number): buildConnector.connector {
  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === "https:" ? 443 : 80);
    const allowed = allow.allows(options.hostname, port);
    checkedAddresses(options.hostname, allowed, lookup).then(
      (addresses) => {
        // The name stays as written, so TLS sends and verifies the site's own name.
        const connect = buildConnector({ timeout: timeoutMs, lookup: pinnedLookup(addresses) });
        connect(options, (error, socket) => {
          if (error !== null) return callback(error, null);
          if (!allowed && !isPublicAddress(socket.remoteAddress ?? "")) {
            socket.destroy();
            return callback(new FetchRefusedError(REFUSED_PRIVATE), null);
          }
          callback(null, socket);
        });
      },
      (error: Error) => callback(error, null),
    );
  };
}

/** The addresses a connection may use; an IP address in the link is its own answer. */
async function checkedAddresses(hostname: string, allowed: boolean, lookup: HostLookup): Promise<string[]> {
  if (isIpAddress(hostname)) {
    if (!allowed && !isPublicAddress(hostname)) throw new FetchRefusedError(REFUSED_PRIVATE);
    return [hostname];
  }
  if (!allowed && isLocalHostName(hostname)) throw new FetchRefusedError(REFUSED_PRIVATE);
  let addresses: string[];
  try {
    addresses = await lookup(hostname);
  } catch (error) {
    throw new FetchRefusedError(UNKNOWN_HOST, { cause: error });
  }
  if (addresses.length === 0) throw new FetchRefusedError(UNKNOWN_HOST);
  if (!allowed && !addresses.every(isPublicAddress)) throw new FetchRefusedError(REFUSED_PRIVATE);
  return addresses;
}

/** A dns.lookup stand-in for net.connect that answers only with addresses already checked. */
function pinnedLookup(addresses: readonly string[]): LookupFunction {
  const answers = addresses.map((address) => ({ address, family: isIP(address) }));
  return (_hostname, options, callback) => {
    const first = answers[0] as LookupAddress;
    if (options.all) callback(null, answers);
    else callback(null, first.address, first.family);
  };
}

function requestHeaders(userAgent: string, conditional: ConditionalHeaders): Record<string, string> {
  const headers: Record<string, string> = { "user-agent": userAgent, accept: ACCEPT };
  if (conditional.etag) headers["if-none-match"] = conditional.etag;
  if (conditional.lastModified) headers["if-modified-since"] = conditional.lastModified;
  return headers;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

async function readResponse(
  url: URL,
  { statusCode, headers, body }: Dispatcher.ResponseData,
  conditional: ConditionalHeaders,
  maxBytes: number,
): Promise<FetchedResource> {
  const validators = {
    ...optional("etag", headerValue(headers, "etag") ?? (statusCode === 304 ? conditional.etag : undefined)),
    ...optional(
      "lastModified",
      headerValue(headers, "last-modified") ?? (statusCode === 304 ? conditional.lastModified : undefined),
    ),
  };
  if (statusCode === 304) {
    discard(body);
    return { url: url.href, status: 304, contentType: "", body: "", ...validators };
  }
  if (statusCode < 200 || statusCode > 299) {
    discard(body);
    const reason = STATUS_CODES[statusCode];
    throw new FetchRefusedError(`The site answered ${statusCode}${reason ? ` ${reason}` : ""}.`);
  }
  const contentTypeHeader = headerValue(headers, "content-type") ?? "";
  const contentType = mediaType(contentTypeHeader);
  if (!READABLE_TYPES.has(contentType)) {
    discard(body);
    throw new FetchRefusedError(
      contentType
        ? `That link leads to ${contentType} content, not a web page or feed.`
        : "The site did not say what kind of content that link holds, so it was not read.",
    );
  }
  const declaredLength = Number(headerValue(headers, "content-length"));
  if (declaredLength > maxBytes) {
    discard(body);
    throw new FetchRefusedError(tooLarge(maxBytes));
  }
  const bytes = await readCapped(body, maxBytes);
  return {
    url: url.href,
    status: 200,
    contentType,
    body: decodeBody(bytes, contentTypeHeader),
    ...validators,
  };
}

/** Reads the body, stopping (and dropping the connection) as soon as it passes maxBytes. */
async function readCapped(body: Dispatcher.ResponseData["body"], maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const bytes = chunk as Buffer;
    total += bytes.length;
    if (total > maxBytes) {
      discard(body);
      throw new FetchRefusedError(tooLarge(maxBytes));
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/** Drops a body not going to be read; undici reports the abort as an error event, which is expected here. */
function discard(body: Dispatcher.ResponseData["body"]): void {
  body.on("error", () => {});
  body.destroy();
}

function mediaType(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

function headerValue(headers: Dispatcher.ResponseData["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A one-key object, or an empty one, so optional fields stay absent rather than undefined. */
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

function tooLarge(maxBytes: number): string {
  return `The page is larger than ${formatBytes(maxBytes)}.`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${round1(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${round1(bytes / 1_000)} KB`;
  return `${bytes} bytes`;
}

function round1(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * Turns whatever stopped a fetch into what the reporter is told. A refusal passes through (undici may
 * wrap the one a connector raised); the time limit wins over the abort error it causes; a network
 * failure becomes "could not be reached". Anything else is a bug and is rethrown as is.
 */
function asRefusal(error: unknown, signal: AbortSignal, timeoutMs: number): unknown {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof FetchRefusedError) return e;
  }
  if (signal.aborted) {
    return new FetchRefusedError(`The site took longer than ${round1(timeoutMs / 1000)} s to answer.`, {
      cause: error,
    });
  }
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string") {
    return new FetchRefusedError(UNREACHABLE, { cause: error });
  }
  return error;
}
