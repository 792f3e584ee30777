import type Keyv from "keyv";
import { type Digest, DigestSchema, type EngineInfo } from "../digest/schema.ts";
import { normalizeLayout, sha256 } from "../nlp/text.ts";

/** Where digests are kept, by article text and engine: an interface so the cache never knows keyv. */
export interface DigestStore {
  /** The stored digest, or undefined when there is none or it fails validation (never served then). */
  get(key: DigestKey): Promise<Digest | undefined>;
  set(key: DigestKey, digest: Digest): Promise<void>;
}

export interface DigestKey {
  sha256: string;
  engine: EngineInfo;
}

/** The key of `text` read by `engine`: the sha256 of the normalized text and the engine's name and version. */
export const digestKey = (text: string, engine: EngineInfo): DigestKey => ({
  sha256: sha256(normalizeLayout(text)),
  engine,
});

/** One text read by one engine version: a new engine version re-extracts, an identical text never does. */
export const keyString = (key: DigestKey) => `${key.sha256}:${key.engine.name}@${key.engine.version}`;

export class KeyvDigestStore implements DigestStore {
  constructor(
    private readonly keyv: Keyv,
    private readonly onInvalid: (key: string, why: string) => void = () => {},
  ) {}

  async get(key: DigestKey): Promise<Digest | undefined> {
    const k = keyString(key);
    const raw: unknown = await this.keyv.get(k);
    if (raw === undefined) return undefined;
    const parsed = DigestSchema.safeParse(raw);
    if (!parsed.success) {
      this.onInvalid(k, "does not match the digest schema");
      return undefined;
    }
    // A valid digest of some other text or engine under this key is just as wrong.
    const d = parsed.data;
    if (
      d.inputSha256 !== key.sha256 ||
      d.engine.name !== key.engine.name ||
      d.engine.version !== key.engine.version
    ) {
      this.onInvalid(k, "belongs to another text or engine");
      return undefined;
    }
    return d;
  }

  async set(key: DigestKey, digest: Digest): Promise<void> {
    await this.keyv.set(keyString(key), digest);
  }
}
