/**
 * Page furniture for training the furniture classifier: our own templates of the blocks a scraper
 * picks up around a story, in many shapes (ads, share bars, bylines and contact lines, link lists,
 * captions and credits, subscription and app prompts, embedded-post furniture, legal lines, markup).
 * Written for this project; slot values are invented. The classifier must learn what furniture IS,
 * so the templates vary wording, case and punctuation rather than repeat a few fixed lines.
 */

export type Rng = () => number;

/** A small deterministic generator (mulberry32), so training is reproducible. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

const FIRST = [
  "Lena",
  "Marcus",
  "Priya",
  "Tomasz",
  "Ingrid",
  "Kwame",
  "Hiro",
  "Camila",
  "Dmitri",
  "Aoife",
  "Rafael",
  "Noor",
  "Bianca",
  "Oskar",
  "Yusuf",
  "Greta",
];
const LAST = [
  "Hartley",
  "Okonjo",
  "Varga",
  "Lindqvist",
  "Moreau",
  "Castellanos",
  "Brennan",
  "Takeda",
  "Osei",
  "Novotny",
  "Fairweather",
  "Qureshi",
  "Delacroix",
  "Mwangi",
];
const OUTLETS = [
  "The Lakeside Tribune",
  "Northgate Daily",
  "Harbor Herald",
  "the Plainview Courier",
  "Metro Wire",
  "Valley Sentinel",
  "The Evening Ledger",
  "Coastline News",
  "Summit Gazette",
];
const AGENCIES = [
  "Wirefoto",
  "Newsphoto Agency",
  "Pressline",
  "StockLens",
  "Lakeside Tribune staff",
  "Metro Wire Images",
];
const CITIES = ["Ashford", "Port Miriam", "Kelso", "Brandvik", "Silver Falls", "Marlow Heights", "Eastport"];
const PRODUCTS = [
  "noise-cancelling headphones",
  "a smart thermostat",
  "travel insurance",
  "meal kits",
  "a standing desk",
  "running shoes",
  "a language course",
];
const DOMAINS = [
  "lakesidetribune.com",
  "northgatedaily.net",
  "harborherald.org",
  "metrowire.co",
  "valleysentinel.com",
];
const MONTHS = ["January", "March", "May", "June", "August", "October", "November", "December"];

// A place or subject of the host story: local outlets name their site, newsletters and sections after
// it, so furniture often shares a term with the story it sits in. Set per article by `furniture`.
let local = "";

function outlet(rng: Rng): string {
  return local && rng() < 0.35
    ? `${pick(rng, ["The ", ""])}${local} ${pick(rng, ["Ledger", "Daily", "News", "Times", "Today", "Post"])}`
    : pick(rng, OUTLETS);
}
function city(rng: Rng): string {
  return local && rng() < 0.35 ? local : pick(rng, CITIES);
}

function name(rng: Rng): string {
  return `${pick(rng, FIRST)} ${pick(rng, LAST)}`;
}
function handle(rng: Rng): string {
  return `${pick(rng, FIRST).toLowerCase()}${pick(rng, ["_", "", "."])}${pick(rng, LAST).toLowerCase()}`.slice(
    0,
    15,
  );
}
function email(rng: Rng): string {
  return `${pick(rng, FIRST).toLowerCase()}.${pick(rng, LAST).toLowerCase()}@${pick(rng, DOMAINS)}`;
}
function date(rng: Rng): string {
  const d = 1 + Math.floor(rng() * 28);
  const y = 2014 + Math.floor(rng() * 8);
  return pick(rng, [
    `${pick(rng, MONTHS)} ${d}, ${y}`,
    `${d} ${pick(rng, MONTHS)} ${y}`,
    `${1 + Math.floor(rng() * 12)}/${d}/${y}`,
  ]);
}
function time(rng: Rng): string {
  const h = 1 + Math.floor(rng() * 12);
  const m = String(Math.floor(rng() * 60)).padStart(2, "0");
  return pick(rng, [
    `${h}:${m} ${pick(rng, ["a.m.", "p.m.", "AM", "PM"])}`,
    `${h}:${m} ${pick(rng, ["ET", "GMT", "CET"])}`,
    `${String(h + 8).padStart(2, "0")}:${m}`,
  ]);
}
function n(rng: Rng, max: number): number {
  return 1 + Math.floor(rng() * max);
}

/** A generator per shape; `headline` is the first line of some other story (a foreign teaser title). */
const SHAPES: ReadonlyArray<(rng: Rng, headline: string) => string> = [
  // Advertising
  (rng) =>
    pick(rng, [
      "ADVERTISING",
      "Sponsored",
      "Sponsored Content",
      "Promoted Stories",
      "Paid Partner Content",
      "AD",
      "Ad Feedback",
      "— Advertisement —",
      "Story continues after this ad",
    ]),
  (rng) =>
    `Save ${n(rng, 6) * 10}% on ${pick(rng, PRODUCTS)} today. Use code ${pick(rng, ["SPRING", "NEWS", "SAVE", "READER"])}${n(rng, 90)} at checkout.`,
  (rng) => `Looking for ${pick(rng, PRODUCTS)}? Compare the best deals and find the one that suits you.`,
  (rng) => `Try ${outlet(rng)} Premium free for ${n(rng, 4) * 7} days. Cancel anytime.`,
  (rng) =>
    `This content was paid for by ${pick(rng, ["Brightline Energy", "Novacare Health", "Orchard Bank"])} and produced by our partner studio.`,
  // Share bars and toolbars
  (rng) =>
    pick(rng, [
      "Facebook Twitter LinkedIn Email",
      "Share Tweet Pin Email",
      "Share on WhatsApp",
      "Share via Email",
      "Tweet this",
      "Pin it",
      "Email | Print | Comments",
      "SHARE | TWEET | EMAIL",
      "Print this article",
      "Save for later",
      "Copy link",
    ]),
  (rng) => `${n(rng, 900)} shares`,
  (rng) =>
    `Share this: ${pick(rng, ["Facebook, Twitter, Reddit", "Twitter · Facebook · WhatsApp", "Email • Facebook • Twitter"])}`,
  (rng) => `Comments (${n(rng, 300)})`,
  // Bylines, datelines and contact lines
  (rng) =>
    `By ${name(rng).toUpperCase()}${pick(rng, ["", `, ${outlet(rng)}`, ` and ${name(rng).toUpperCase()}`])}`,
  (rng) => `By ${name(rng)} | ${outlet(rng)} | ${date(rng)}`,
  (rng) => `Updated ${time(rng)}, ${date(rng)}`,
  (rng) => `Published: ${date(rng)} ${time(rng)}`,
  (rng) => `Last modified on ${date(rng)}`,
  (rng) =>
    `${name(rng)} is a ${pick(rng, ["senior reporter", "staff writer", "political correspondent", "contributing editor"])} for ${outlet(rng)}. Follow ${pick(rng, ["him", "her", "them"])} on Twitter @${handle(rng)}.`,
  (rng) => `Contact ${name(rng)} at ${email(rng)}${pick(rng, [".", ` or on Twitter @${handle(rng)}.`])}`,
  (rng) => `Write to ${name(rng)} at ${email(rng)}`,
  (rng) => `Email the reporter: ${email(rng)}`,
  (rng) => `Reporting by ${name(rng)}; Editing by ${name(rng)}`,
  (rng) => `${name(rng)} contributed to this report${pick(rng, [".", ` from ${city(rng)}.`])}`,
  (rng) => `Got a story? Tell us at ${email(rng)}`,
  // Link lists and teasers of other stories
  (rng, h) =>
    `${pick(rng, ["MORE", "ALSO READ", "SEE ALSO", "Recommended", "Read next", "Further reading", "Trending", "Don't miss", "Most read", "PREVIOUSLY"])}: ${h}`,
  (rng, h) => `${h} ${pick(rng, ["»", "→", "(video)", "| Read more"])}`,
  (rng) =>
    pick(rng, [
      "More on this story",
      "Related Topics",
      "Top Stories",
      "What to read next",
      "Latest headlines",
      "More from our newsroom",
      "Editor's picks",
      "In other news",
    ]),
  (rng, h) => `${pick(rng, ["Related", `Also on ${outlet(rng)}`])}\n${h}`,
  // Captions and credits
  (rng) =>
    `${pick(rng, ["Picture", "Photograph", "Image", "Credit", "Pictured above"])}: ${pick(rng, AGENCIES)}`,
  (rng) => `(${pick(rng, AGENCIES)} photo / ${name(rng)})`,
  (rng) =>
    `${name(rng)} ${pick(rng, ["speaks to supporters", "arrives at the courthouse", "waves to the crowd", "attends a hearing"])} in ${city(rng)} on ${date(rng)}. ${pick(rng, AGENCIES)}/${name(rng)}`,
  (rng) => `Image ${n(rng, 9)} of ${10 + n(rng, 20)}`,
  (rng) => `${pick(rng, ["Photo illustration", "File image", "Handout picture"])} by ${name(rng)}`,
  (rng) => `Courtesy of ${outlet(rng)}`,
  // Subscription, newsletter and app prompts
  (rng) =>
    `Get ${pick(rng, ["the morning briefing", "our best stories", "breaking news", "the weekly digest"])} ${pick(rng, ["delivered to your inbox", "sent straight to you", "in your inbox every morning"])}. ${pick(rng, ["Enter your email address.", "It's free.", "Join now."])}`,
  (rng) =>
    `Want more stories like this? ${pick(rng, ["Join our mailing list.", "Subscribe today.", "Become a member."])}`,
  (rng) =>
    pick(rng, [
      "Enter your email address",
      "Thanks for signing up!",
      "Already a subscriber? Log in",
      "You have reached your limit of free articles.",
      "Turn on notifications for breaking news.",
      "Listen to this article",
      "Support independent journalism. Donate today.",
      "Create a free account to keep reading.",
    ]),
  (rng) =>
    `Get the ${outlet(rng)} app for ${pick(rng, ["iPhone and Android", "iOS", "your phone"])}${pick(rng, ["", ".", " and never miss a story."])}`,
  (rng) =>
    `Follow ${outlet(rng)} on ${pick(rng, ["Instagram", "Facebook", "TikTok", "LinkedIn"])}${pick(rng, ["", ` @${handle(rng)}`])}`,
  // Embedded-post furniture (not the quoted post itself)
  (rng) =>
    pick(rng, [
      "View this post on Instagram",
      "View on Twitter",
      "See more Tweets",
      "Embedded video",
      "Watch on YouTube",
      "Tap to unmute",
      "Media playback is not supported on this device",
      "Click to expand",
    ]),
  (rng) => `pic.twitter.com/${Math.floor(rng() * 1e12).toString(36)}`,
  (rng) => `https://www.${pick(rng, DOMAINS)}/${Math.floor(rng() * 1e8).toString(36)}`,
  // Legal lines
  (rng) =>
    `© ${2010 + n(rng, 10)} ${outlet(rng)}. ${pick(rng, ["All rights reserved.", "Some rights reserved.", "Used with permission."])}`,
  (rng) =>
    `This ${pick(rng, ["story", "article", "piece"])} ${pick(rng, ["first appeared on", "was originally published by", "is republished from"])} ${outlet(rng)}.`,
  (rng) =>
    pick(rng, [
      "Terms of Use | Privacy Policy",
      "We use cookies to improve your experience on our site.",
      "Cookie settings",
      "Report an error",
      "Back to top",
      "Loading comments...",
    ]),
  // Filing lines
  (rng) =>
    `${pick(rng, ["Filed under", "Tags", "Topics", "Categories", "Posted in", "Section"])}: ${pick(rng, ["Politics", "World", "Local News", "Crime", "Elections"])}${pick(rng, ["", `, ${city(rng)}`])}`,
  (rng) =>
    `${pick(rng, ["Posted", "First published", "Originally posted"])} ${pick(rng, ["", `by ${name(rng)} `])}${pick(rng, ["on ", "at ", ""])}${date(rng)}`,
  // Markup a scraper failed to strip
  (rng) =>
    pick(rng, [
      ".story-body p { margin: 0 0 12px; }",
      "&nbsp;&nbsp;",
      '<div class="ad-slot"></div>',
      "var _gaq = _gaq || [];",
      "@font-face { font-family: Lato; }",
      "&#8203;",
    ]),
];

/**
 * One block of furniture, in a random shape, sometimes upper-cased or stripped of its final stop;
 * `place` is a proper name from the host story that outlet and place slots sometimes use.
 */
export function furniture(rng: Rng, headline: string, place: string): string {
  local = place;
  let text = pick(rng, SHAPES)(rng, headline);
  const r = rng();
  if (r < 0.08) text = text.toUpperCase();
  else if (r < 0.16) text = text.replace(/[.!]$/, "");
  return text;
}
