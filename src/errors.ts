/**
 * Errors a user may see. Their message is written for the reporter or operator; anything that is not
 * a UserError is logged with context and shown as a short generic message.
 */
export class UserError extends Error {
  override name = "UserError";
}

/** The input text cannot be digested: empty, binary, too large. */
export class BadInputError extends UserError {
  override name = "BadInputError";
}

/** A file or article that was asked for does not exist. */
export class NotFoundError extends UserError {
  override name = "NotFoundError";
}

/** The caller lacks a permission the action needs. */
export class PermissionError extends UserError {
  override name = "PermissionError";
}

/** A link that may not or could not be fetched: a refused address or scheme, too big, too slow, not an article. */
export class FetchRefusedError extends UserError {
  override name = "FetchRefusedError";
}

/** A fetched page holds no readable article (a login wall, an index page, an app shell). */
export class NoArticleError extends FetchRefusedError {
  override name = "NoArticleError";
}

/** A link given as a feed is not an RSS, Atom, RDF or JSON feed. */
export class NotAFeedError extends FetchRefusedError {
  override name = "NotAFeedError";
}

/**
 * A digest job on the queue that failed on every attempt, or that no worker finished in time: one line for
 * the reporter, the details stay in the worker's log.
 */
export class JobError extends UserError {
  override name = "JobError";
}
