import type { Answerer } from "../ask/answerer.ts";
import type { Answer } from "../ask/ask.ts";
import type { ClaimCheck, Digest } from "../digest/schema.ts";
import { answerJobId, type Jobs } from "./jobs.ts";

/**
 * The model's answers on the queue: a bot process hands /ask questions and claim checks to the workers,
 * whose answerer calls the model (with its budget and offline fallback), one job per digest and question.
 * Only for the model: offline answers take milliseconds and stay in the bot.
 */
export class QueuedAnswerer implements Answerer {
  readonly kind = "model";
  readonly checkNeedsDigest: boolean;

  constructor(
    model: Answerer,
    private readonly jobs: Jobs,
  ) {
    this.checkNeedsDigest = model.checkNeedsDigest;
  }

  ask(digest: Digest, question: string): Promise<Answer> {
    return this.jobs.run("ask", answerJobId("ask", digest, question), { digest, question });
  }

  check(article: string, claim: string, digest?: Digest): Promise<ClaimCheck> {
    const id = answerJobId("check", digest ?? article, claim);
    return this.jobs.run("check", id, { article, claim, ...(digest ? { digest } : {}) });
  }
}
