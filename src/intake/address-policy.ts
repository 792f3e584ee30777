import ipaddr from "ipaddr.js";

/**
 * Which network addresses Newsdesk may connect to when it fetches a link a reporter gave it. Anything
 * that is not ordinary public unicast is refused, so a link cannot make the bot read the newsroom's own
 * network, the cloud metadata service (169.254.169.254) or the machine it runs on.
 */

/** The NAT64 well-known prefix 64:ff9b::/96; the local-use 64:ff9b:1::/48 embeds differently, so it is refused. */
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR("64:ff9b::/96");

/** True when the text is an IP address (either family; an IPv6 zone like %eth0 is allowed). */
export function isIpAddress(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(unbracket(text));
}

/**
 * Whether a connection to this address is allowed: only public unicast. An IPv4-mapped or NAT64 IPv6
 * address is judged by the IPv4 address inside it; 6to4 and Teredo tunnels are refused outright (no
 * newsroom site needs them, and their relays could reach any IPv4 address). Text that is not an IP
 * address is refused.
 */
export function isPublicAddress(address: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(unbracket(address).replace(/%.*$/, ""));
  } catch {
    return false;
  }
  if (parsed.kind() === "ipv4") return parsed.range() === "unicast";
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  if (range === "ipv4Mapped") return v6.toIPv4Address().range() === "unicast";
  // NAT64 carries the IPv4 address it reaches in its last 32 bits (DNS64 networks resolve names to it).
  if (range === "rfc6052" && v6.match(NAT64_WELL_KNOWN)) return embeddedIpv4(v6).range() === "unicast";
  return range === "unicast";
}

function embeddedIpv4(v6: ipaddr.IPv6): ipaddr.IPv4 {
  const bytes = v6.toByteArray();
  return new ipaddr.IPv4(bytes.slice(12, 16));
}

/** Host names that name this machine without DNS (RFC 6761): refused before any lookup. */
export function isLocalHostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}

function unbracket(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/**
 * host:port pairs the fetcher may reach even when private (FETCH_ALLOW_HOSTS): for tests against a local
 * server and for an operator's own intranet source. Matching is on the host as written in the link, after
 * URL normalisation, and the port the connection uses.
 */
export class AllowList {
  private readonly entries: Set<string>;

  constructor(entries: readonly string[]) {
    this.entries = new Set(entries.map(normaliseAllowEntry));
  }

  get size(): number {
    return this.entries.size;
  }

  /** hostname as in a URL or as undici hands it to a connector (IPv6 with or without brackets). */
  allows(hostname: string, port: number): boolean {
    return this.entries.has(hostPortKey(hostname, port));
  }
}

/** Parses one FETCH_ALLOW_HOSTS entry ("127.0.0.1:8080", "[::1]:8080", "intranet.local:443"). */
export function normaliseAllowEntry(entry: string): string {
  const trimmed = entry.trim();
  if (!/^(\[[0-9a-fA-F:.]+\]|[^\s:/@[\]]+):\d{1,5}$/.test(trimmed)) {
    throw new Error(`"${trimmed}" is not host:port`);
  }
  const url = new URL(`http://${trimmed}`);
  return hostPortKey(url.hostname, Number(url.port || 80));
}

/** Splits the comma-separated FETCH_ALLOW_HOSTS setting; throws on an entry that is not host:port. */
export function parseAllowHosts(setting: string): string[] {
  const entries = setting
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  for (const entry of entries) normaliseAllowEntry(entry);
  return entries;
}

/** The port a URL's connection uses when none is written. */
export function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

function hostPortKey(hostname: string, port: number): string {
  const host = unbracket(hostname).toLowerCase().replace(/\.$/, "");
  const canonical = ipaddr.IPv6.isValid(host) ? `[${ipaddr.IPv6.parse(host).toString()}]` : host;
  return `${canonical}:${port}`;
}
