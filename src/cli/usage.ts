/**
 * The command line's usage, alone in a module without imports: bin/newsdesk prints it for --help (and no
 * arguments) without loading the app, so asking for help costs little more than node's own start-up.
 */
export const USAGE = `usage:
  newsdesk digest FILE|URL|- [--json]    readable digest (or the digest object with --json)
  newsdesk digest --jsonl                stdin {"id","article"} lines -> {"id","digest"} lines
  newsdesk check FILE --claim "TEXT"     does the article support the claim?
  newsdesk check --jsonl                 stdin {"id","article","claim"} -> {"id","verdict","evidence"}
  newsdesk ask FILE "QUESTION"           answer a question from the article
  newsdesk ask --jsonl                   stdin {"id","article","question"} -> {"id","status","answer","paragraphs"}
  newsdesk library add FILE [--title T]  add an article to the library (or --url URL; also: list,
                                         update ID FILE, diff ID [--from V --to V]; --guild G, default "cli")
  newsdesk follow add URL [--every N]    follow a page or feed (also: list, stop ID, run-once: check every
                                         follow now and print what would be posted)
  newsdesk start [FILE]                  the bot (DISCORD_TOKEN set) or the local console on the sample article
  newsdesk worker                        run the queue's digest jobs (JOBS=queue, STORE_URL=redis://...)
                                         until SIGINT/SIGTERM
options: --no-cache skips the digest cache; the store is STORE_URL (default: SQLite in data/);
         --engine offline|openai|auto picks the digest engine (default: ENGINE, auto)`;
