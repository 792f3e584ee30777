import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NotAFeedError, UserError } from "../src/errors.ts";
import { isFeed, parseFeed } from "../src/intake/feed.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/intake/${name}`, import.meta.url), "utf8");

describe("parseFeed", () => {
  it("reads RSS 2.0: guid or link as id, content:encoded before description, dates as ISO", () => {
    const feed = parseFeed(fixture("rss.xml"));
    expect(feed.title).toBe("The Millbrook Courier: News");
    expect(feed.items).toEqual([
      {
        id: "courier-48213",
        link: "https://courier.example/news/2025/06/harbour-bridge-closed",
        title: "Harbour bridge closed after cargo ship strikes pier",
        text:
          "The Harbour Road bridge was closed to all traffic early on Tuesday.\n\n" +
          "“It will stay shut until inspectors say it is safe,” said Colm Ferris.",
        publishedAt: "2025-06-10T06:45:00.000Z",
      },
      {
        id: "https://courier.example/news/2025/06/summer-fair",
        link: "https://courier.example/news/2025/06/summer-fair",
        title: "Summer fair dates & times announced",
        text: "The fair returns to Mill Green in July.\n\nEntry is free.",
        publishedAt: "2025-06-09T12:00:00.000Z",
      },
    ]);
  });

  it("reads Atom: the alternate link, html content as paragraphs, text summary kept as written", () => {
    const feed = parseFeed(fixture("atom.xml"));
    expect(feed.title).toBe("Riverside Gazette");
    expect(feed.items).toEqual([
      {
        id: "tag:gazette.example,2025:flood-warning-lifted",
        link: "https://gazette.example/2025/06/flood-warning-lifted",
        title: "Flood warning lifted for lower valley",
        text:
          "River levels fell overnight, the environment agency said.\n\n" +
          "Sandbags can be returned to the depot on Mill Lane.",
        publishedAt: "2025-06-10T07:30:00.000Z",
      },
      {
        id: "tag:gazette.example,2025:library-hours",
        link: "https://gazette.example/2025/06/library-hours",
        title: "Library opening hours change",
        text: "The central library will open at nine from Monday.\n\nSaturday hours are unchanged.",
        publishedAt: "2025-06-09T15:00:00.000Z",
      },
    ]);
  });

  it("reads JSON Feed: content_html or content_text", () => {
    const feed = parseFeed(fixture("feed.json"));
    expect(feed.title).toBe("Eastport Daily");
    expect(feed.items).toEqual([
      {
        id: "https://eastport.example/p/ferry-strike",
        link: "https://eastport.example/2025/06/ferry-strike",
        title: "Ferry crews vote to strike",
        text: "Ferry crews voted to strike from Friday, their union said.\n\nThe operator said talks would continue.",
        publishedAt: "2025-06-10T07:00:00.000Z",
      },
      {
        id: "eastport-1002",
        title: "Market square works finish early",
        text: "Works on the market square finished a week early.\n\nStalls return on Saturday.",
        publishedAt: "2025-06-08T08:00:00.000Z",
      },
    ]);
  });

  it("reads RDF (RSS 1.0)", () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://weekly.example/"><title>Weekly</title><link>https://weekly.example/</link>
    <description>d</description></channel>
  <item rdf:about="https://weekly.example/a"><title>A story</title><link>https://weekly.example/a</link>
    <description>Short text.</description><dc:date>2025-06-01T00:00:00Z</dc:date></item>
</rdf:RDF>`;
    expect(parseFeed(rdf).items).toEqual([
      {
        id: "https://weekly.example/a",
        link: "https://weekly.example/a",
        title: "A story",
        text: "Short text.",
        publishedAt: "2025-06-01T00:00:00.000Z",
      },
    ]);
  });

  it.each([
    ["an HTML page", fixture("article.html")],
    ["plain text", "Just some words."],
    ["JSON that is not a feed", '{"hello": "world"}'],
    ["nothing", ""],
  ])("refuses %s with a message for the reporter", (_name, body) => {
    let error: unknown;
    try {
      parseFeed(body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotAFeedError);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe("That link is not an RSS, Atom or JSON feed.");
  });
});

describe("isFeed", () => {
  it("trusts a feed or page media type", () => {
    expect(isFeed("application/rss+xml; charset=utf-8", "")).toBe(true);
    expect(isFeed("application/atom+xml", "")).toBe(true);
    expect(isFeed("application/feed+json", "")).toBe(true);
    expect(isFeed("text/html", fixture("rss.xml"))).toBe(false);
  });

  it("sniffs the opening of a body served with a generic type", () => {
    expect(isFeed("application/xml", fixture("rss.xml"))).toBe(true);
    expect(isFeed("text/xml", fixture("atom.xml"))).toBe(true);
    expect(isFeed("application/json", fixture("feed.json"))).toBe(true);
    expect(
      isFeed("text/plain", '\uFEFF<?xml version="1.0"?>\n<!-- generated --><rdf:RDF xmlns:rdf="x">'),
    ).toBe(true);
    expect(isFeed("application/xml", '<?xml version="1.0"?><sitemap></sitemap>')).toBe(false);
    expect(isFeed("application/json", '{"version": "1.0", "items": []}')).toBe(false);
    expect(isFeed("text/plain", "Police said on Tuesday that <rss is not a tag here.")).toBe(false);
  });
});
