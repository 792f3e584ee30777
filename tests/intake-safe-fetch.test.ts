import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FetchRefusedError } from "../src/errors.ts";
import { createSafeFetcher, type HostLookup, type SafeFetcherOptions } from "../src/intake/safe-fetch.ts";

const PAGE = "<!doctype html><html><head><title>Local page</title></head><body><p>Hello</p></body></html>";
const ETAG = '"v1"';
const LAST_MODIFIED = "Tue, 10 Jun 2025 08:00:00 GMT";

/** A web server on loopback that counts every TCP connection it accepts. */
class LocalSite {
  connections = 0;
  readonly requests: IncomingMessage["headers"][] = [];
  port = 0;
  private readonly server: Server;

  constructor(handler: (req: IncomingMessage, res: ServerResponse, site: LocalSite) => void) {
    this.server = createServer((req, res) => {
      this.requests.push(req.headers);
      handler(req, res, this);
    });
    this.server.on("connection", () => {
      this.connections++;
    });
  }

  async start(host: string): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, host, resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const site = new LocalSite((req, res, self) => {
  const url = new URL(req.url ?? "/", "http://local");
  const path = url.pathname;
  if (path === "/page") {
    if (req.headers["if-none-match"] === ETAG && req.headers["if-modified-since"] === LAST_MODIFIED) {
      res.writeHead(304, { etag: ETAG, "last-modified": LAST_MODIFIED }).end();
      return;
    }
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      etag: ETAG,
      "last-modified": LAST_MODIFIED,
    });
    res.end(PAGE);
  } else if (path === "/latin1") {
    res.writeHead(200, { "content-type": "text/plain; charset=iso-8859-1" });
    res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9])); // "café" in Latin-1
  } else if (path === "/redirect") {
    res.writeHead(302, { location: url.searchParams.get("to") ?? "/page" }).end();
  } else if (path.startsWith("/hop/")) {
    const hop = Number(path.slice("/hop/".length));
    if (hop === 0) res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    else res.writeHead(302, { location: `http://127.0.0.1:${self.port}/hop/${hop - 1}` }).end();
  } else if (path === "/big-streamed") {
    res.writeHead(200, { "content-type": "text/html" });
    for (let i = 0; i < 50; i++) res.write(`<p>${"x".repeat(1000)}</p>`);
    res.end();
  } else if (path === "/big-declared") {
    const body = "y".repeat(20_000);
    res.writeHead(200, { "content-type": "text/html", "content-length": String(body.length) });
    res.end(body);
  } else if (path === "/stall") {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html><body><p>The first words arrive and then");
  } else if (path === "/image") {
    res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  } else {
    res.writeHead(404, { "content-type": "text/html" }).end("<h1>gone</h1>");
  }
});

/** A second site on another loopback address, which a redirect must not reach. */
const otherSite = new LocalSite((_req, res) => {
  res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
});

/** Counts sockets undici actually connected, whatever the host: proof that nothing was opened. */
let socketsConnected = 0;
const onConnected = () => {
  socketsConnected++;
};

beforeAll(async () => {
  await site.start("127.0.0.1");
  await otherSite.start("127.0.0.2");
  subscribe("undici:client:connected", onConnected);
});
afterAll(async () => {
  unsubscribe("undici:client:connected", onConnected);
  await site.stop();
  await otherSite.stop();
});

const fetchers: { close(): Promise<void> }[] = [];
beforeEach(() => {
  site.connections = 0;
  otherSite.connections = 0;
  site.requests.length = 0;
  socketsConnected = 0;
});
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
});

/** A lookup that never touches DNS: names resolve from the table, and every question is recorded. */
function tableLookup(table: Record<string, string[]>): HostLookup & { asked: string[] } {
  const asked: string[] = [];
  const lookup = async (hostname: string) => {
    asked.push(hostname);
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`no such host ${hostname}`), { code: "ENOTFOUND" });
    return found;
  };
  return Object.assign(lookup, { asked });
}

function fetcher(options: SafeFetcherOptions = {}) {
  const f = createSafeFetcher({ lookup: tableLookup({}), ...options });
  fetchers.push(f);
  return f;
}

const allowLocal = () => ({ allowHosts: [`127.0.0.1:${site.port}`] });

async function refusal(promise: Promise<unknown>): Promise<FetchRefusedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefusedError);
  return error as FetchRefusedError;
}

describe("safe fetch: what is refused before any connection", () => {
  const PRIVATE = /private or local network address/;

  it.each([
    "http://127.0.0.1:PORT/page",
    "http://2130706433:PORT/page",
    "http://0x7f000001:PORT/page",
    "http://0x7f.0.0.1:PORT/page",
    "http://0177.0.0.1:PORT/page",
    "http://127.1:PORT/page",
    "http://[::1]:PORT/page",
    "http://[::ffff:127.0.0.1]:PORT/page",
    "http://[::ffff:7f00:1]:PORT/page",
    "http://0:PORT/page",
    "http://localhost:PORT/page",
    "http://www.localhost:PORT/page",
    "https://127.0.0.1:PORT/page",
  ])("%s", async (template) => {
    const lookup = tableLookup({ localhost: ["127.0.0.1"] });
    const error = await refusal(fetcher({ lookup }).fetch(template.replace("PORT", String(site.port))));
    expect(error.message).toMatch(PRIVATE);
    expect(site.connections).toBe(0);
    expect(socketsConnected).toBe(0);
    expect(lookup.asked).toEqual([]);
  });

  it.each([
    "file:///etc/passwd",
    "data:text/html,<p>hi</p>",
    "ftp://127.0.0.1/file",
    "javascript:alert(1)",
    "gopher://127.0.0.1:70/",
  ])("the scheme of %s", async (link) => {
    const error = await refusal(fetcher().fetch(link));
    expect(error.message).toBe("Only http and https links can be fetched.");
    expect(site.connections).toBe(0);
  });

  it("a link with credentials in it", async () => {
    const error = await refusal(
      fetcher(allowLocal()).fetch(`http://user:secret@127.0.0.1:${site.port}/page`),
    );
    expect(error.message).toMatch(/user name or password/);
    expect(error.message).not.toContain("secret");
    expect(site.connections).toBe(0);
  });

  it("text that is not a link", async () => {
    const error = await refusal(fetcher().fetch("not a link"));
    expect(error.message).toBe("That is not a valid link.");
  });

  it("a public-looking name that resolves to a private address: the name is looked up, nothing connects", async () => {
    const lookup = tableLookup({ "news.example.test": ["10.0.0.7"] });
    const error = await refusal(fetcher({ lookup }).fetch("http://news.example.test/story"));
    expect(error.message).toMatch(PRIVATE);
    expect(lookup.asked).toEqual(["news.example.test"]);
    expect(socketsConnected).toBe(0);
  });

  it("a name with one public and one private address (our own server): refused, the server sees nothing", async () => {
    const lookup = tableLookup({ "mixed.example.test": ["93.184.216.34", "127.0.0.1"] });
    const error = await refusal(fetcher({ lookup }).fetch(`http://mixed.example.test:${site.port}/page`));
    expect(error.message).toMatch(PRIVATE);
    expect(lookup.asked).toEqual(["mixed.example.test"]);
    expect(site.connections).toBe(0);
    expect(socketsConnected).toBe(0);
  });

  it("a name that does not resolve", async () => {
    const error = await refusal(fetcher().fetch("http://nowhere.example.test/"));
    expect(error.message).toBe("The site's name could not be found.");
    expect(socketsConnected).toBe(0);
  });
});

describe("safe fetch: an allow-listed local server", () => {
  it("fetches the page, with its validators and media type", async () => {
    const page = await fetcher(allowLocal()).fetch(`http://127.0.0.1:${site.port}/page`);
    expect(page).toEqual({
      url: `http://127.0.0.1:${site.port}/page`,
      status: 200,
      contentType: "text/html",
      body: PAGE,
      etag: ETAG,
      lastModified: LAST_MODIFIED,
    });
    expect(site.connections).toBe(1);
    expect(socketsConnected).toBe(1); // the counter the refusal tests rely on does see a real connection
    expect(site.requests[0]?.["user-agent"]).toMatch(/Newsdesk/);
  });

  it("reaches an allow-listed name through the injected lookup", async () => {
    const lookup = tableLookup({ "intranet.example.test": ["127.0.0.1"] });
    const page = await fetcher({ lookup, allowHosts: [`intranet.example.test:${site.port}`] }).fetch(
      `http://intranet.example.test:${site.port}/page`,
    );
    expect(page.body).toBe(PAGE);
    expect(lookup.asked).toEqual(["intranet.example.test"]);
    expect(site.requests[0]?.host).toBe(`intranet.example.test:${site.port}`);
  });

  it("does not let the allowed port stand for another port on the same host", async () => {
    const error = await refusal(
      fetcher({ allowHosts: [`127.0.0.1:${site.port + 1}`] }).fetch(`http://127.0.0.1:${site.port}/page`),
    );
    expect(error.message).toMatch(/private or local/);
    expect(site.connections).toBe(0);
  });

  it("sends If-None-Match and If-Modified-Since back and returns the 304", async () => {
    const f = fetcher(allowLocal());
    const link = `http://127.0.0.1:${site.port}/page`;
    const first = await f.fetch(link);
    const again = await f.fetch(link, {
      ...(first.etag ? { etag: first.etag } : {}),
      ...(first.lastModified ? { lastModified: first.lastModified } : {}),
    });
    expect(site.requests[1]?.["if-none-match"]).toBe(ETAG);
    expect(site.requests[1]?.["if-modified-since"]).toBe(LAST_MODIFIED);
    expect(again).toEqual({
      url: link,
      status: 304,
      contentType: "",
      body: "",
      etag: ETAG,
      lastModified: LAST_MODIFIED,
    });
  });

  it("decodes the body with the charset the server names", async () => {
    const page = await fetcher(allowLocal()).fetch(`http://127.0.0.1:${site.port}/latin1`);
    expect(page.body).toBe("café");
    expect(page.contentType).toBe("text/plain");
  });

  it("follows redirects within the limit and reports the final URL", async () => {
    const page = await fetcher(allowLocal()).fetch(`http://127.0.0.1:${site.port}/hop/5`);
    expect(page.url).toBe(`http://127.0.0.1:${site.port}/hop/0`);
    expect(page.body).toBe(PAGE);
  });

  it("refuses more than 5 redirects", async () => {
    const error = await refusal(fetcher(allowLocal()).fetch(`http://127.0.0.1:${site.port}/hop/6`));
    expect(error.message).toBe("The link redirects more than 5 times.");
    expect(site.requests).toHaveLength(6);
  });

  it("refuses a redirect to another loopback address that is not on the list", async () => {
    const to = `http://127.0.0.2:${otherSite.port}/`;
    const error = await refusal(
      fetcher(allowLocal()).fetch(`http://127.0.0.1:${site.port}/redirect?to=${encodeURIComponent(to)}`),
    );
    expect(error.message).toMatch(/private or local/);
    expect(otherSite.connections).toBe(0);
  });

  it("refuses a redirect to a name that resolves to a private address", async () => {
    const lookup = tableLookup({ "internal.example.test": ["127.0.0.1"] });
    const to = `http://internal.example.test:${site.port}/page`;
    const error = await refusal(
      fetcher({ lookup, ...allowLocal() }).fetch(
        `http://127.0.0.1:${site.port}/redirect?to=${encodeURIComponent(to)}`,
      ),
    );
    expect(error.message).toMatch(/private or local/);
    expect(lookup.asked).toEqual(["internal.example.test"]);
    expect(site.connections).toBe(1);
    expect(site.requests).toHaveLength(1);
  });

  it("refuses a redirect to a file: link", async () => {
    const error = await refusal(
      fetcher(allowLocal()).fetch(`http://127.0.0.1:${site.port}/redirect?to=file:///etc/passwd`),
    );
    expect(error.message).toBe("Only http and https links can be fetched.");
  });

  it("cuts off a body larger than maxBytes while streaming", async () => {
    const error = await refusal(
      fetcher({ ...allowLocal(), maxBytes: 10_000 }).fetch(`http://127.0.0.1:${site.port}/big-streamed`),
    );
    expect(error.message).toBe("The page is larger than 10 KB.");
  });

  it("refuses a declared Content-Length over maxBytes", async () => {
    const error = await refusal(
      fetcher({ ...allowLocal(), maxBytes: 10_000 }).fetch(`http://127.0.0.1:${site.port}/big-declared`),
    );
    expect(error.message).toBe("The page is larger than 10 KB.");
  });

  it("cuts off a server that sends headers and then stalls", async () => {
    const error = await refusal(
      fetcher({ ...allowLocal(), timeoutMs: 300 }).fetch(`http://127.0.0.1:${site.port}/stall`),
    );
    expect(error.message).toBe("The site took longer than 0.3 s to answer.");
  });

  it("refuses an image", async () => {
    const error = await refusal(fetcher(allowLocal()).fetch(`http://127.0.0.1:${site.port}/image`));
    expect(error.message).toBe("That link leads to image/png content, not a web page or feed.");
  });

  it("names the HTTP status of an error answer", async () => {
    const error = await refusal(fetcher(allowLocal()).fetch(`http://127.0.0.1:${site.port}/missing`));
    expect(error.message).toBe("The site answered 404 Not Found.");
  });
});
