import { DefaultRestOptions, InteractionResponseType, InteractionType, type REST, Routes } from "discord.js";
import type { Logger } from "../log.ts";

type MakeRequest = typeof DefaultRestOptions.makeRequest;
type ResponseLike = Awaited<ReturnType<MakeRequest>>;

/** What Discord reads from the HTTP response to an interaction: the first (and only) callback. */
export interface CallbackBody {
  type: number;
  data?: Record<string, unknown>;
}

const CALLBACK_PATH = /\/interactions\/(\d+)\/[^/?]+\/callback(?:\?|$)/;
// After a deferral, an edit must not overtake the HTTP response that carries the deferral to Discord.
const DELIVERY_GRACE_MS = 100;

/** The acknowledgement Discord accepts for each kind of interaction when the answer is not ready yet. */
export function deferralFor(interactionType: number): CallbackBody {
  if (interactionType === InteractionType.MessageComponent)
    return { type: InteractionResponseType.DeferredMessageUpdate };
  if (interactionType === InteractionType.ApplicationCommandAutocomplete)
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
  return { type: InteractionResponseType.DeferredChannelMessageWithSource };
}

const isDeferral = (type: number) =>
  type === InteractionResponseType.DeferredChannelMessageWithSource ||
  type === InteractionResponseType.DeferredMessageUpdate;

/** One interaction waiting for its HTTP response. */
export class PendingResponse {
  /** Whether the HTTP response's body is settled (by the dispatcher or at the deadline). */
  private answered = false;
  private resolveBody!: (body: CallbackBody) => void;
  private resolveHandedOver!: () => void;
  /** The body of the HTTP response: the dispatcher's first callback, or a deferral at the deadline. */
  readonly body = new Promise<CallbackBody>((resolve) => {
    this.resolveBody = resolve;
  });
  /** Resolved once the endpoint has returned the HTTP response. */
  readonly handedOver = new Promise<void>((resolve) => {
    this.resolveHandedOver = resolve;
  });

  constructor(
    readonly interactionType: number,
    readonly applicationId: string,
    readonly token: string,
  ) {}

  /** Discord's deadline is near: acknowledge now; the dispatcher's answer will edit the reply. */
  deferNow(): boolean {
    if (this.answered) return false;
    this.answered = true;
    this.resolveBody(deferralFor(this.interactionType));
    return true;
  }

  markHandedOver(): void {
    this.resolveHandedOver();
  }

  /**
   * The dispatcher's callback (reply, defer, update, modal, choices). Before the deadline it becomes the
   * HTTP response; after it, a message or update edits the original reply through the webhook, a deferral
   * is already done, and a form or choices can no longer be shown.
   */
  async take(body: CallbackBody, rest: REST, log: Logger): Promise<ResponseLike> {
    if (!this.answered) {
      this.answered = true;
      this.resolveBody(body);
      if (isDeferral(body.type)) {
        await this.handedOver;
        await new Promise((resolve) => setTimeout(resolve, DELIVERY_GRACE_MS));
      }
      return new Response(null, { status: 204 });
    }
    if (isDeferral(body.type)) return new Response(null, { status: 204 });
    if (
      body.type === InteractionResponseType.ChannelMessageWithSource ||
      body.type === InteractionResponseType.UpdateMessage
    ) {
      await rest.patch(Routes.webhookMessage(this.applicationId, this.token, "@original"), {
        body: body.data ?? {},
        auth: false,
      });
      return new Response(null, { status: 204 });
    }
    log.warn(
      { callback: body.type },
      "interaction answered after its deadline: a form or choices came too late",
    );
    return Response.json(
      { code: 40060, message: "Interaction has already been acknowledged" },
      { status: 400 },
    );
  }
}

/**
 * discord.js answers an interaction by POSTing its callback to Discord's REST API. An HTTP-mode process
 * must answer in the HTTP response instead: this request function routes the callbacks of the
 * interactions it holds to them, and sends every other request on as usual.
 */
export function callbackRouter(
  pending: Map<string, PendingResponse>,
  rest: () => REST,
  log: Logger,
): MakeRequest {
  return async (url, init) => {
    const id = CALLBACK_PATH.exec(url)?.[1];
    const entry = id === undefined ? undefined : pending.get(id);
    if (!entry || typeof init.body !== "string") return DefaultRestOptions.makeRequest(url, init);
    return entry.take(JSON.parse(init.body) as CallbackBody, rest(), log);
  };
}
