import type { EngineInfo } from "../src/digest/schema.ts";
import { digestKey, keyString } from "../src/store/digest-store.ts";
import { openKeyv } from "../src/store/open-keyv.ts";

/**
 * Generated short news articles for the queue's tests and bench: templated sentences with varying names,
 * places and numbers, each carrying a batch tag so that a run never finds another run's digests in a
 * shared cache. Nothing here comes from a real article.
 */

const FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas"];
const LAST = ["Ashford", "Birchley", "Cedarholm", "Dalton", "Elmwood", "Fernsby", "Glenn", "Heath", "Ivers"];
const TOWNS = ["Northbridge", "Lakemoor", "Eastvale", "Redcliff", "Stonehaven", "Westmarsh", "Oakport"];
const EVENTS = ["fire", "flood", "power cut", "bridge collapse", "gas leak", "train derailment"];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/** Article `i` of batch `tag`: five paragraphs, about 900 bytes; distinct for every (tag, i). */
export function queueArticle(tag: string, i: number): string {
  const official = `${pick(FIRST, i)} ${pick(LAST, i * 7 + 3)}`;
  const witness = `${pick(FIRST, i * 3 + 1)} ${pick(LAST, i + 5)}`;
  const town = pick(TOWNS, i * 5);
  const event = pick(EVENTS, i);
  const hurt = 2 + (i % 17);
  return [
    `${event[0]?.toUpperCase()}${event.slice(1)} in ${town} leaves ${hurt} people hurt (report ${tag}-${i})`,
    `A ${event} in ${town} on Tuesday left ${hurt} people hurt, police spokesperson ${official} said. ` +
      `Officers closed ${3 + (i % 5)} streets around the scene.`,
    `${witness}, who lives nearby, said the ${event} started shortly after ${1 + (i % 11)} p.m. ` +
      `Local media reported that ${10 + (i % 40)} homes may have been affected.`,
    `The cause of the ${event} has not been released. ${official} said an inquiry would begin on ` +
      `${pick(["Monday", "Wednesday", "Friday"], i)}.`,
    `The mayor of ${town} said the town would pay for repairs, a claim the regional council disputed.`,
  ].join("\n\n");
}

/** A long article (about `bytes` bytes) of the same kind: slow enough to digest to be caught mid-job. */
export function longQueueArticle(tag: string, bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const p = queueArticle(tag, i).split("\n\n").slice(1).join("\n\n");
    parts.push(p);
    length += p.length + 2;
  }
  return `Long report ${tag}\n\n${parts.join("\n\n")}`;
}

/**
 * Removes the digests of `texts` (read by `engine`) from the store at `storeUrl` again: a test or bench
 * run on a shared Redis leaves nothing behind that slows others down.
 */
export async function forgetDigests(storeUrl: string, texts: string[], engine: EngineInfo): Promise<void> {
  const { keyv, close } = await openKeyv(storeUrl, "digest", 5000);
  try {
    await keyv.deleteMany(texts.map((text) => keyString(digestKey(text, engine))));
  } finally {
    await close();
  }
}
