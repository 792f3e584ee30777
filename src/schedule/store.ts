import type Keyv from "keyv";
import { NotFoundError } from "../errors.ts";
import { withTimeout } from "../store/timeout.ts";
import { type Schedule, ScheduleSchema } from "./schema.ts";

/** Schedules kept in the same store as everything else, so they survive restarts and are shared. */
export interface ScheduleStore {
  save(schedule: Schedule): Promise<void>;
  get(guildId: string, id: string): Promise<Schedule>;
  list(guildId: string): Promise<Schedule[]>;
  /** Every guild's schedules: what the scheduler walks. */
  all(): Promise<Schedule[]>;
  remove(guildId: string, id: string): Promise<void>;
}

const keys = {
  schedule: (guild: string, id: string) => `schedule:${guild}:${id}`,
  index: (guild: string) => `schedules:${guild}`,
  guilds: "schedule-guilds",
};

export class KeyvScheduleStore implements ScheduleStore {
  constructor(
    private readonly keyv: Keyv,
    private readonly timeoutMs: number,
  ) {}

  async save(schedule: Schedule): Promise<void> {
    await this.write(keys.schedule(schedule.guildId, schedule.id), ScheduleSchema.parse(schedule));
    const index = await this.ids(keys.index(schedule.guildId));
    if (!index.includes(schedule.id)) await this.write(keys.index(schedule.guildId), [...index, schedule.id]);
    const guilds = await this.ids(keys.guilds);
    if (!guilds.includes(schedule.guildId)) await this.write(keys.guilds, [...guilds, schedule.guildId]);
  }

  async get(guildId: string, id: string): Promise<Schedule> {
    const parsed = ScheduleSchema.safeParse(await this.read(keys.schedule(guildId, id)));
    if (!parsed.success)
      throw new NotFoundError(`no schedule '${id}' in this server (see /digest schedules)`);
    return parsed.data;
  }

  async list(guildId: string): Promise<Schedule[]> {
    const out: Schedule[] = [];
    for (const id of await this.ids(keys.index(guildId))) {
      const parsed = ScheduleSchema.safeParse(await this.read(keys.schedule(guildId, id)));
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }

  async all(): Promise<Schedule[]> {
    const lists = await Promise.all((await this.ids(keys.guilds)).map((g) => this.list(g)));
    return lists.flat();
  }

  async remove(guildId: string, id: string): Promise<void> {
    await this.get(guildId, id);
    await this.write(
      keys.index(guildId),
      (await this.ids(keys.index(guildId))).filter((x) => x !== id),
    );
    await withTimeout(this.keyv.delete(keys.schedule(guildId, id)), this.timeoutMs, "writing schedules");
  }

  private async ids(key: string): Promise<string[]> {
    const raw = await this.read(key);
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === "string") : [];
  }

  private read(key: string): Promise<unknown> {
    return withTimeout(this.keyv.get(key), this.timeoutMs, "reading schedules");
  }

  private async write(key: string, value: unknown): Promise<void> {
    await withTimeout(this.keyv.set(key, value), this.timeoutMs, "writing schedules");
  }
}
