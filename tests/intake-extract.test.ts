import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FetchRefusedError, NoArticleError, UserError } from "../src/errors.ts";
import { extractArticle } from "../src/intake/extract.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/intake/${name}`, import.meta.url), "utf8");
const URL_GIVEN = "https://courier.example/news/2025/06/harbour-bridge-closed?utm_source=chat";

describe("extractArticle", () => {
  const article = extractArticle(fixture("article.html"), URL_GIVEN);

  it("keeps the title, byline, stated time and canonical link", () => {
    expect(article.title).toBe("Harbour bridge closed after cargo ship strikes pier");
    expect(article.byline).toBe("Ana Whitlock");
    expect(article.publishedAt).toBe("2025-06-10T06:45:00.000Z");
    expect(article.canonicalUrl).toBe("https://courier.example/news/2025/06/harbour-bridge-closed");
  });

  it("gives the story's paragraphs as plain text separated by blank lines", () => {
    const paragraphs = article.text.split("\n\n");
    // The headline first, as in pasted text, then the story.
    expect(paragraphs[0]).toBe(article.title);
    expect(paragraphs[1]).toBe(
      "The Harbour Road bridge in Millbrook was closed to all traffic early on Tuesday after a cargo ship " +
        "struck one of its piers, the county roads department said.",
    );
    // Entities decoded, whitespace collapsed, inline markup gone.
    expect(paragraphs).toContain(
      "“Inspectors are on the bridge now and it will stay shut until they tell us it is safe,” said Colm " +
        "Ferris, the department’s duty engineer. No one was hurt, according to the harbour master's office.",
    );
    expect(paragraphs).toContain("Traffic diverted");
    expect(paragraphs).toContain("We heard a long scraping sound and then the whole deck shook.");
    expect(paragraphs).toContain("The bridge carries about 30,000 vehicles a day.");
    expect(paragraphs.at(-1)).toBe("It was not clear when the bridge would reopen.");
    expect(article.text).toContain("routes 4 & 9");
    expect(article.text).not.toMatch(/\n{3,}|[ \t]{2,}|&amp;|<em>/);
  });

  it("leaves out navigation, share bar, related links and footer", () => {
    for (const furniture of [
      "Subscribe today",
      "Sport",
      "Share on Facebook",
      "Most read",
      "Council votes on parking charges",
      "All rights reserved",
      "Cookie settings",
      "analytics",
    ]) {
      expect(article.text).not.toContain(furniture);
    }
  });

  it("refuses a page with no article, with a message for the reporter", () => {
    let error: unknown;
    try {
      extractArticle(fixture("login.html"), "https://courier.example/login");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NoArticleError);
    expect(error).toBeInstanceOf(FetchRefusedError);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe("No readable article found at that link.");
  });

  it("refuses an empty page", () => {
    expect(() => extractArticle("", "https://courier.example/")).toThrow(NoArticleError);
  });

  it("keeps only an http(s) canonical link", () => {
    const html = fixture("article.html").replace(
      '<link rel="canonical" href="/news/2025/06/harbour-bridge-closed">',
      '<link rel="canonical" href="javascript:alert(1)">',
    );
    expect(extractArticle(html, URL_GIVEN).canonicalUrl).toBeUndefined();
  });
});

describe("extractArticle on markup without an <html> element", () => {
  it("still finds the article", () => {
    const paragraphs = Array.from(
      { length: 4 },
      (_, i) =>
        `<p>Paragraph ${i + 1} of a story that is long enough to count as an article for a reader.</p>`,
    );
    const html = `<!doctype html><title>Bare page</title><article>${paragraphs.join("")}</article>`;
    const article = extractArticle(html, "https://courier.example/bare");
    expect(article.text.split("\n\n")).toHaveLength(4);
    expect(article.text).toMatch(/^Paragraph 1 of a story/);
  });
});
