/**
 * Cross-validation folds by story. FNC-1 pairs one claim (headline) with many bodies of one story, so
 * folds split by body still train on other articles of the same story, under the same claim: topic words
 * then look predictive in cross-validation and the chosen model disappoints on new stories. Here bodies
 * that share a claim among their related pairs are linked (union-find) and each connected story goes
 * whole into one fold. Unrelated pairs link nothing: their claims come from other stories.
 */

export interface StoryPair {
  bodyId: number;
  claim: string;
  related: boolean;
}

/** Case, punctuation and spacing differences do not make two claims different. */
const normaliseClaim = (claim: string): string =>
  claim
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Story id (the smallest body id in it) per body. */
export function storyOf(pairs: readonly StoryPair[]): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (b: number): number => {
    let root = b;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root) ?? root;
    // Path compression keeps later finds short.
    while (b !== root) {
      const next = parent.get(b) ?? root;
      parent.set(b, root);
      b = next;
    }
    return root;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    // The smaller id is the root: the story's id does not depend on pair order.
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  const firstBody = new Map<string, number>();
  for (const p of pairs) {
    if (!parent.has(p.bodyId)) parent.set(p.bodyId, p.bodyId);
    if (!p.related) continue;
    const key = normaliseClaim(p.claim);
    const other = firstBody.get(key);
    if (other === undefined) firstBody.set(key, p.bodyId);
    else union(other, p.bodyId);
  }
  return new Map([...parent.keys()].map((b) => [b, find(b)]));
}

/** A 32-bit integer hash (deterministic). */
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Fold per body: stories by descending pair count (ties by id), each to the fold with fewest pairs so
 * far (ties to the lowest fold). Deterministic, and balanced by pairs rather than by bodies.
 */
export function storyFolds(
  pairs: readonly StoryPair[],
  folds: number,
  seed = 0,
): { foldOf: Map<number, number>; stories: number } {
  const story = storyOf(pairs);
  const size = new Map<number, number>();
  for (const p of pairs) {
    const s = story.get(p.bodyId) ?? p.bodyId;
    size.set(s, (size.get(s) ?? 0) + 1);
  }
  const load = new Array<number>(folds).fill(0);
  const foldOfStory = new Map<number, number>();
  // Seed 0: largest stories first. Another seed: a shuffled order (still greedy by load), a second
  // partition to check that a difference between two settings is not one partition's luck.
  const key = (s: number): number => (seed === 0 ? 0 : mix(s * 2654435761 + seed));
  for (const [s, n] of [...size].sort((a, b) => key(a[0]) - key(b[0]) || b[1] - a[1] || a[0] - b[0])) {
    const f = load.indexOf(Math.min(...load));
    foldOfStory.set(s, f);
    load[f] = (load[f] ?? 0) + n;
  }
  const foldOf = new Map([...story].map(([b, s]) => [b, foldOfStory.get(s) ?? 0]));
  return { foldOf, stories: size.size };
}
