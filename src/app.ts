import Keyv from "keyv";
import { type Answerer, offlineAnswerer } from "./ask/answerer.ts";
import { type Config, isRedisStore } from "./config.ts";
import type { DigestEngine } from "./engine/engine.ts";
import { FallbackEngine } from "./engine/fallback-engine.ts";
import { OfflineEngine } from "./engine/offline.ts";
import type { TokenBudget } from "./engine/openai/budget.ts";
import { WorkerOfflineEngine } from "./engine/worker-engine.ts";
import { UserError } from "./errors.ts";
import { type FollowStore, KeyvFollowStore } from "./follow/store.ts";
import { readLink } from "./intake/read-link.ts";
import type { Intake } from "./intake/types.ts";
import { createWebIntake } from "./intake/web-intake.ts";
import { type ArticleLibrary, KeyvArticleLibrary } from "./library/library.ts";
import type { Logger } from "./log.ts";
import { KeyvScheduleStore, type ScheduleStore } from "./schedule/store.ts";
import { DigestService } from "./store/digest-service.ts";
import { KeyvDigestStore } from "./store/digest-store.ts";
import { type Lease, MemoryLease, RedisLease } from "./store/lease.ts";
import { openKeyv } from "./store/open-keyv.ts";
import { KeyvViewStore, MemoryViewStore, type ViewStore } from "./store/view-store.ts";
import type { PostRoute } from "./web/server.ts";

export interface Services {
  digests: DigestService;
  /** /ask and check: through the model when it builds the digests, offline otherwise. */
  answerer: Answerer;
  /** Undefined when the store was skipped (--no-cache). */
  library: ArticleLibrary | undefined;
  schedules: ScheduleStore | undefined;
  /** Followed pages and feeds; undefined without the store. */
  follows: FollowStore | undefined;
  /** Fetches and reads links (SSRF-safe): /article add url:, /follow, `newsdesk digest URL`. */
  intake: Intake;
  /** Views replies refer back to (paged answers): in the store, so any process can turn a page. */
  views: ViewStore;
  /** Who runs a scheduled post when several processes share the store. */
  lease: Lease;
  /** Where the store lives, safe to show. */
  storeWhere: string;
  close(): Promise<void>;
}

export type EngineChoice = Config["ENGINE"];

export interface ServiceOptions {
  cache: boolean;
  /** Overrides the ENGINE setting (the CLI's --engine). */
  engine?: EngineChoice;
  /** Injected into the OpenAI client (tests point it at a local server). */
  fetch?: typeof fetch;
  /** Replaces the web intake built from the FETCH_ settings (tests). */
  intake?: Intake;
  /**
   * Offline digests run in a worker thread, so a long article delays no other reply: for the bot and
   * the console. Batch commands read one article after another and keep the engine in-process.
   */
  offThread?: boolean;
  /**
   * This process runs the queue's jobs (`newsdesk worker`): it builds digests with the real engine even
   * when JOBS=queue, where every other process hands them to the queue.
   */
  runsJobs?: boolean;
}

const modelConfigured = (config: Config) =>
  config.OPENAI_API_KEY !== undefined || config.OPENAI_BASE_URL !== undefined;

interface ChosenEngine {
  engine: DigestEngine;
  answerer: Answerer;
  /** The model's monthly token budget, when the model is used. */
  budget?: TokenBudget;
}

/**
 * The monthly token budget in a namespace of its own: on Redis a counter every process increments
 * atomically, elsewhere (one process) a keyv entry with queued increments.
 */
async function openBudget(storeUrl: string, monthly: number, timeoutMs: number): Promise<TokenBudget> {
  const { KeyvTokenBudget, RedisTokenBudget } = await import("./store/token-budget.ts");
  if (isRedisStore(storeUrl)) return RedisTokenBudget.open(storeUrl, monthly, timeoutMs);
  return new KeyvTokenBudget((await openKeyv(storeUrl, "budget", timeoutMs)).keyv, monthly);
}

/** The engine the settings ask for: the model when configured (or demanded), the offline engine otherwise. */
async function chooseEngine(
  config: Config,
  log: Logger,
  options: ServiceOptions,
  // Opened only when the model is used: the offline engine needs no budget.
  openBudget: (monthly: number) => Promise<TokenBudget>,
): Promise<ChosenEngine> {
  const choice = options.engine ?? config.ENGINE;
  const configured = modelConfigured(config);
  if (choice === "openai" && !configured)
    throw new UserError(
      "the openai engine needs OPENAI_API_KEY (or OPENAI_BASE_URL for your own model server)",
    );
  if (choice === "offline" || !configured) {
    if (!options.offThread) return { engine: new OfflineEngine(), answerer: offlineAnswerer };
    log.info("offline digests run in a worker thread");
    const engine = new WorkerOfflineEngine({
      onCrash: (why) => log.error({ why }, "digest worker stopped; a new one takes the next article"),
    });
    return { engine, answerer: offlineAnswerer };
  }
  // The model's modules (and the openai package) load only when the model is used: CLI start-up stays fast.
  const [
    { createOpenAIClient },
    { OpenAIEngine },
    { loadPrompts },
    { modelAnswerer },
    { describeModelError },
  ] = await Promise.all([
    import("./engine/openai/client.ts"),
    import("./engine/openai/engine.ts"),
    import("./engine/openai/prompts.ts"),
    import("./engine/openai/qa.ts"),
    import("./engine/openai/structured-call.ts"),
  ]);
  const client = createOpenAIClient(config, options.fetch);
  const prompts = loadPrompts();
  const budget = await openBudget(config.OPENAI_MONTHLY_TOKEN_BUDGET);
  const model = new OpenAIEngine({
    client,
    model: config.OPENAI_MODEL,
    prompts,
    log,
    budget,
    prices: {
      inputPerMTok: config.OPENAI_PRICE_INPUT_PER_MTOK,
      outputPerMTok: config.OPENAI_PRICE_OUTPUT_PER_MTOK,
    },
  });
  // Composed, not inlined: whatever makes the model give up, the offline engine answers.
  const engine = new FallbackEngine(model, new OfflineEngine(), log, describeModelError);
  return {
    engine,
    answerer: modelAnswerer({ client, model: config.OPENAI_MODEL, prompts, log, budget }),
    budget,
  };
}

/** The one place that wires engine, stores and library together at start-up. */
export async function openServices(config: Config, log: Logger, options: ServiceOptions): Promise<Services> {
  const intake = options.intake ?? createWebIntake(config);
  if (!options.cache) {
    const { engine, answerer, budget } = await chooseEngine(config, log, options, async (monthly) => {
      const { KeyvTokenBudget } = await import("./store/token-budget.ts");
      return new KeyvTokenBudget(new Keyv(), monthly);
    });
    const digests = new DigestService({ engine, store: undefined, log, timeoutMs: config.STORE_TIMEOUT_MS });
    return {
      digests,
      answerer,
      library: undefined,
      schedules: undefined,
      follows: undefined,
      intake,
      views: new MemoryViewStore(),
      lease: new MemoryLease(),
      storeWhere: "none",
      close: async () => {
        await Promise.allSettled([engine.close?.(), intake.close?.(), budget?.close?.()]);
      },
    };
  }
  // Everything opened so far is closed again if a later step fails: a failed start leaves nothing open.
  const opened: { close(): Promise<void> }[] = [];
  const open = async <T extends { close(): Promise<void> }>(step: Promise<T>): Promise<T> => {
    try {
      const done = await step;
      opened.push(done);
      return done;
    } catch (error) {
      await Promise.allSettled(opened.map((o) => o.close()));
      await intake.close?.();
      throw error;
    }
  };
  const kv = (namespace: string) => open(openKeyv(config.STORE_URL, namespace, config.STORE_TIMEOUT_MS));
  const digestKv = await kv("digest");
  const chosen = await open(
    chooseEngine(config, log, options, (monthly) =>
      openBudget(config.STORE_URL, monthly, config.STORE_TIMEOUT_MS),
    ).then((c) => ({ ...c, close: async () => void (await c.budget?.close?.()) })),
  );
  const libraryKv = await kv("library");
  const scheduleKv = await kv("schedule");
  const entriesKv = await kv("library-entries");
  const followKv = await kv("follow");
  const viewsKv = await kv("views");
  // Several processes share schedules only through Redis; one process needs no more than memory.
  const lease: Lease = await open<Lease>(
    isRedisStore(config.STORE_URL)
      ? RedisLease.open(config.STORE_URL, config.STORE_TIMEOUT_MS)
      : Promise.resolve(new MemoryLease()),
  );
  const store = new KeyvDigestStore(digestKv.keyv, (key, why) =>
    log.warn({ key, why }, "digest cache degraded: invalid entry ignored and replaced"),
  );
  const onQueue =
    config.JOBS === "queue" && !options.runsJobs ? await open(queued(config, chosen, log)) : undefined;
  const { engine, answerer } = onQueue ?? chosen;
  const digests = new DigestService({ engine, store, log, timeoutMs: config.STORE_TIMEOUT_MS });
  const library = new KeyvArticleLibrary(libraryKv.keyv, digests, config.STORE_TIMEOUT_MS, {
    entries: entriesKv.keyv,
    lease,
  });
  log.info({ store: digestKv.where, engine: engine.info }, "store opened");
  if (digestKv.readOnlyReason)
    log.warn(
      { store: digestKv.where, reason: digestKv.readOnlyReason },
      "digest cache degraded: the store cannot be written",
    );
  return {
    digests,
    answerer,
    library,
    schedules: new KeyvScheduleStore(scheduleKv.keyv, config.STORE_TIMEOUT_MS),
    follows: new KeyvFollowStore(followKv.keyv, config.STORE_TIMEOUT_MS),
    views: new KeyvViewStore(viewsKv.keyv, config.STORE_TIMEOUT_MS),
    // With the queue, links are downloaded and read by the workers; polls with validators stay here.
    intake: onQueue ? { ...bound(intake), readLink: onQueue.readLink } : intake,
    lease,
    storeWhere: digestKv.where,
    close: async () => {
      await Promise.allSettled([chosen.engine.close?.(), intake.close?.(), ...opened.map((o) => o.close())]);
    },
  };
}

/** The intake's methods bound to it, so they can be carried over to another object. */
const bound = (intake: Intake): Intake => ({
  fetch: (url, conditional) => intake.fetch(url, conditional),
  readArticle: (resource) => intake.readArticle(resource),
  readFeed: (resource) => intake.readFeed(resource),
  close: async () => await intake.close?.(),
});

/** The queue's settings from the config: the store's Redis, the queue's name and limits. */
const queueSettings = (config: Config) => ({
  url: config.STORE_URL,
  name: config.JOBS_QUEUE,
  waitSeconds: config.JOBS_WAIT_SECONDS,
  attempts: config.JOBS_ATTEMPTS,
  backoffMs: config.JOBS_BACKOFF_MS,
  openTimeoutMs: 3 * config.STORE_TIMEOUT_MS,
  concurrency: config.JOBS_CONCURRENCY,
  lockMs: config.JOBS_LOCK_MS,
  stalledIntervalMs: config.JOBS_STALLED_INTERVAL_MS,
});

/**
 * With JOBS=queue, the engine, answerer and link reader of a process that does not run jobs: each new
 * digest is a job on the queue, under the real engine's name and version (the workers run that engine),
 * and so are the model's answers and link downloads; offline answers stay here. BullMQ loads only then.
 */
async function queued(config: Config, real: ChosenEngine, log: Logger) {
  const [{ BullJobs }, { QueuedDigestEngine }, { QueuedAnswerer }, { readJobId }] = await Promise.all([
    import("./queue/bull-jobs.ts"),
    import("./queue/queued-engine.ts"),
    import("./queue/queued-answerer.ts"),
    import("./queue/jobs.ts"),
  ]);
  const jobs = await BullJobs.open(queueSettings(config), log);
  log.info({ queue: config.JOBS_QUEUE }, "new digests, model answers and downloads run as jobs on the queue");
  return {
    engine: new QueuedDigestEngine(real.engine.info, jobs),
    answerer: real.answerer.kind === "model" ? new QueuedAnswerer(real.answerer, jobs) : real.answerer,
    readLink: (url: string) => jobs.run("read", readJobId(), { url }),
    close: () => jobs.close(),
  };
}

/**
 * `newsdesk worker`: runs the queue's jobs with the services' digest service (the real engine and the
 * shared store, so a digest built here is a cache hit everywhere) and answerer. Needs JOBS=queue.
 */
export async function openJobWorker(config: Config, services: Services, log: Logger) {
  if (config.JOBS !== "queue")
    throw new UserError(
      "`newsdesk worker` runs the queue's jobs: set JOBS=queue and STORE_URL=redis://HOST:PORT",
    );
  const { startJobWorker } = await import("./queue/job-worker.ts");
  const settings = queueSettings(config);
  const { digests, answerer } = services;
  const worker = await startJobWorker(
    settings,
    {
      digest: async ({ text }) => (await digests.digest(text)).digest,
      ask: ({ digest, question }) => answerer.ask(digest, question),
      check: ({ article, claim, digest }) => answerer.check(article, claim, digest),
      read: ({ url }) => readLink(services.intake, url),
    },
    log,
  );
  log.info(
    { queue: settings.name, concurrency: settings.concurrency, engine: services.digests.engineInfo },
    "job worker ready",
  );
  return worker;
}

/** The web view as the bot runs it: the server, and the function that signs links to it for replies. */
export interface WebView {
  linkFor(guildId: string, articleId: string, version: number): string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the read-only web view when WEB_PORT is set (undefined otherwise, or without the library it
 * shows). Links are signed with WEB_SECRET and last WEB_LINK_TTL_HOURS; the secret is never logged.
 */
export async function openWebView(
  config: Config,
  services: Services,
  log: Logger,
  options: { now?: () => number; routes?: PostRoute[] } = {},
): Promise<WebView | undefined> {
  const now = options.now ?? Date.now;
  const port = config.WEB_PORT;
  const secret = config.WEB_SECRET;
  if (port === undefined || secret === undefined) return undefined;
  if (!services.library) {
    log.warn("web view off: it shows the article library, and the store is not open");
    return undefined;
  }
  const [{ createWebApp, startWebServer }, { signLink }] = await Promise.all([
    import("./web/server.ts"),
    import("./web/link-token.ts"),
  ]);
  const server = await startWebServer(
    createWebApp({ library: services.library, secret, log, now, routes: options.routes }),
    port,
  );
  const base = config.WEB_PUBLIC_URL ?? `http://localhost:${server.port}`;
  const ttlMs = config.WEB_LINK_TTL_HOURS * 3_600_000;
  log.info(
    { port: server.port, host: server.host, publicUrl: base, linkTtlHours: config.WEB_LINK_TTL_HOURS },
    "web view listening",
  );
  return {
    port: server.port,
    linkFor: (guildId, articleId, version) =>
      `${base}/v/${signLink({ guildId, articleId, version, expiresAt: now() + ttlMs }, secret)}`,
    close: () => server.close(),
  };
}
