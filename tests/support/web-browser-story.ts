import type { Statement } from "../../src/digest/schema.ts";
import { digestOf, fixtureLibrary, source, statement } from "./web-story.ts";

/**
 * The browser test's own invented story, in two versions with hand-written digests: one statement of each
 * status, a junk paragraph, and a kept paragraph whose text holds a script that would set `window.__ran`
 * and a `<b>` element, both of which must show as text. Between the versions the crane driver's account is
 * confirmed by fire investigators, and the open question about the cause is answered.
 */
export const CRANE_TITLE = "Crane fire at Portmere <i>live</i>";

export const CRANE = {
  confirmed: "A gantry crane caught fire at Portmere container harbour at 6:15 p.m. on Friday",
  unconfirmed: "the fire began in the machinery house",
  disputedA: "nobody was hurt",
  disputedB: "two workers were treated for smoke inhalation",
  unknown: "What caused the fire is not known yet",
  junk: "Win a weekend for two in the Lakes. Enter our prize draw today and sign up for the newsletter.",
  junkReason: "unrelated teaser: shares almost no terms with the story",
  markup: "Someone had chalked <script>window.__ran = true</script> and <b>bold</b> on the gate",
  answer: "An electrical fault in the crane's machinery house caused the fire",
} as const;

const P1 = [
  "Crane fire shuts Portmere container harbour",
  `${CRANE.confirmed}, the harbour authority said.`,
  `A crane driver told the Portmere Gazette ${CRANE.unconfirmed}.`,
  `The harbour authority said ${CRANE.disputedA}, but the dockers' union said ${CRANE.disputedB}.`,
  `${CRANE.unknown}.`,
  CRANE.junk,
  `${CRANE.markup}, the crane driver said.`,
];
const P2 = [...P1.slice(0, 4), `${CRANE.answer}, fire investigators said on Saturday.`, ...P1.slice(5)];
const TEXT_1 = P1.join("\n\n");
const TEXT_2 = P2.join("\n\n");

const authority = source("src1", "Portmere harbour authority", "official", ["harbour authority"]);
const gazette = source("src2", "Portmere Gazette", "media");
const union = source("src3", "dockers' union", "union");
const investigators = source("src4", "fire investigators", "official");

const fixed: Statement[] = [
  statement("c1", "confirmed", CRANE.confirmed, ["src1"], 1, CRANE.confirmed),
  statement("c3", "disputed", "Nobody was hurt", ["src1"], 3, CRANE.disputedA, ["c4"]),
  statement("c4", "disputed", "Two workers were treated for smoke inhalation", ["src3"], 3, CRANE.disputedB, [
    "c3",
  ]),
  statement("c6", "unconfirmed", CRANE.markup, ["src2"], 6, CRANE.markup),
];
const junk = { 5: CRANE.junkReason };

const V1 = digestOf(
  P1,
  TEXT_1,
  [
    ...fixed,
    statement("c2", "unconfirmed", "The fire began in the machinery house", ["src2"], 2, CRANE.unconfirmed),
    statement("c5", "unknown", "What caused the fire", [], 4, CRANE.unknown),
  ],
  [authority, gazette, union],
  junk,
);
const V2 = digestOf(
  P2,
  TEXT_2,
  [
    ...fixed,
    statement(
      "c2",
      "confirmed",
      "The fire began in the machinery house",
      ["src2", "src4"],
      2,
      CRANE.unconfirmed,
    ),
    statement("c7", "confirmed", CRANE.answer, ["src4"], 4, CRANE.answer),
  ],
  [authority, gazette, union, investigators],
  junk,
);

/** A library in memory holding the crane story in guild g1: version 1, then version 2. */
export const craneLibrary = () =>
  fixtureLibrary(CRANE_TITLE, [
    { text: TEXT_1, digest: V1 },
    { text: TEXT_2, digest: V2 },
  ]);
