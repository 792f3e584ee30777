/**
 * Which of many phrases occur in a text, in one pass over the text whatever their number (Aho–Corasick
 * over UTF-16 code units, so "occurs" means exactly what `text.includes(phrase)` says). Seeking thousands
 * of names one by one in every paragraph would cost their number times the article's length.
 */
export class PhraseMatcher {
  // Node 0 is the root. Per node: its children by code unit, its failure link, the phrase ending there,
  // and the nearest node down the failure chain that ends a phrase (the dictionary link).
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly phraseAt: (string | undefined)[] = [undefined];
  private readonly dict: number[] = [-1];

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      let node = 0;
      for (let i = 0; i < phrase.length; i++) {
        const unit = phrase.charCodeAt(i);
        let child = this.next[node]?.get(unit);
        if (child === undefined) {
          child = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.phraseAt.push(undefined);
          this.dict.push(-1);
          this.next[node]?.set(unit, child);
        }
        node = child;
      }
      this.phraseAt[node] = phrase;
    }
    // Breadth first, so that every failure link points to a node already linked.
    const queue: number[] = [...(this.next[0]?.values() ?? [])];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] ?? 0;
      for (const [unit, child] of this.next[node] ?? []) {
        let f = this.fail[node] ?? 0;
        while (f !== 0 && !this.next[f]?.has(unit)) f = this.fail[f] ?? 0;
        const target = this.next[f]?.get(unit);
        const link = target !== undefined && target !== child ? target : 0;
        this.fail[child] = link;
        this.dict[child] = this.phraseAt[link] !== undefined ? link : (this.dict[link] ?? -1);
        queue.push(child);
      }
    }
  }

  /** The phrases that occur in `text`. */
  found(text: string): Set<string> {
    const found = new Set<string>();
    // The empty phrase occurs in every text.
    const empty = this.phraseAt[0];
    if (empty !== undefined) found.add(empty);
    // Nodes whose phrases (own and down the dictionary links) are all reported already.
    const done = new Set<number>();
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      while (node !== 0 && !this.next[node]?.has(unit)) node = this.fail[node] ?? 0;
      node = this.next[node]?.get(unit) ?? 0;
      for (let out = node; out > 0 && !done.has(out); out = this.dict[out] ?? -1) {
        done.add(out);
        const phrase = this.phraseAt[out];
        if (phrase !== undefined) found.add(phrase);
      }
    }
    return found;
  }
}
