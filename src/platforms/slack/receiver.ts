/**
 * Slack's HTTP transport as a Bolt receiver: it only checks that a request really comes from
 * Slack and hands the event to the app. It has no server of its own; `requestListener` is mounted
 * on the bot's HTTP server at `/slack/events`, next to `/healthz` and `/metrics`.
 *
 * Order of checks: the timestamp's window (both sides; Bolt only refuses old ones), then Bolt's
 * own signature verification, then Slack's `ssl_check` and `url_verification` handshakes. A
 * refused request is answered 401 and never reaches a listener.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type App,
  type BufferedIncomingMessage,
  HTTPModuleFunctions as http,
  HTTPResponseAck,
  type Logger,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import { checkRequestTime } from './request-time.js';

export interface HttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** For the timestamp window; default Date.now. */
  nowMs?: () => number;
}

export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;
  private accepting = false;
  private readonly nowMs: () => number;

  constructor(private readonly options: HttpReceiverOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  /** Starts handing requests to the app (the HTTP server itself is the bot's). */
  async start(): Promise<void> {
    this.accepting = true;
  }

  /** New requests are answered 503 (Slack retries events); ones in hand finish. */
  async stop(): Promise<void> {
    this.accepting = false;
  }

  /** The handler mounted at `/slack/events`. */
  readonly requestListener = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return http.buildNoBodyResponse(res, 405);
    if (!this.accepting || !this.app) {
      res.setHeader('retry-after', '5');
      return http.buildNoBodyResponse(res, 503);
    }
    const { logger } = this.options;
    const time = checkRequestTime(req.headers['x-slack-request-timestamp'], this.nowMs());
    // A missing timestamp is left to Bolt: it lets Slack's unsigned `ssl_check` through.
    if (time === 'future' || time === 'stale') {
      logger.warn(`refused a Slack request: its timestamp is ${time}`);
      req.resume();
      return http.buildNoBodyResponse(res, 401);
    }
    let body: Record<string, unknown>;
    let buffered: BufferedIncomingMessage;
    try {
      buffered = await http.parseAndVerifyHTTPRequest(
        { signingSecret: this.options.signingSecret },
        req,
      );
    } catch (error) {
      logger.warn(`refused a Slack request: ${(error as Error).message}`);
      return http.buildNoBodyResponse(res, 401);
    }
    try {
      body = http.parseHTTPRequestBody(buffered) as Record<string, unknown>;
    } catch (error) {
      logger.warn(`malformed Slack request body: ${(error as Error).message}`);
      return http.buildNoBodyResponse(res, 400);
    }
    if (body.ssl_check === '1') return http.buildSSLCheckResponse(res);
    if (body.type === 'url_verification') return http.buildUrlVerificationResponse(res, body);
    await this.dispatch(this.app, buffered, body, res);
  };

  private async dispatch(
    app: App,
    req: IncomingMessage,
    body: Record<string, unknown>,
    res: ServerResponse,
  ): Promise<void> {
    const { logger } = this.options;
    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      retryNum: http.extractRetryNumFromHTTPRequest(req),
      retryReason: http.extractRetryReasonFromHTTPRequest(req),
    };
    try {
      await app.processEvent(event);
    } catch (error) {
      const handled = await http.defaultProcessEventErrorHandler({
        error: error as Error,
        logger,
        request: req,
        response: res,
        storedResponse: ack.storedResponse,
      });
      if (handled) ack.ack();
    }
  }
}
