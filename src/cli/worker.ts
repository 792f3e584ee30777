import { openJobWorker } from "../app.ts";
import type { CliContext } from "./context.ts";
import { firstStopSignal } from "./signals.ts";

/**
 * `newsdesk worker`: runs the queue's digest jobs (JOBS=queue) until SIGINT or SIGTERM, then stops taking
 * jobs, finishes the ones it is running, and exits with status 0.
 */
export async function workerCommand(ctx: CliContext): Promise<number> {
  const services = await ctx.services();
  const worker = await openJobWorker(ctx.config, services, ctx.log);
  const { name, version } = services.digests.engineInfo;
  ctx.io.stderr.write(
    `newsdesk: worker ready on queue ${ctx.config.JOBS_QUEUE} (engine ${name} ${version}, concurrency ${ctx.config.JOBS_CONCURRENCY}, store: ${services.storeWhere}); Ctrl-C to stop\n`,
  );
  const signal = await firstStopSignal();
  ctx.log.info({ signal }, "shutting down: finishing the jobs in hand");
  await worker.close();
  ctx.io.stderr.write(`newsdesk: worker stopped (${signal})\n`);
  return 0;
}
