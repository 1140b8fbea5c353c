/** Small readers over what the fake Slack recorded, shared by the Slack adapter's e2e tests. */
import type { FakeMessage, FakeSlack, ResponseUrlPost } from '../fake-slack/index.js';

export interface Body {
  text?: string;
  blocks?: Block[];
  response_type?: string;
  replace_original?: boolean;
}

export interface Block {
  type: string;
  text?: { text: string };
  elements?: {
    type: string;
    text?: string | { text: string };
    action_id?: string;
    value?: string;
  }[];
  slack_file?: { id: string };
  alt_text?: string;
  accessory?: { type: string; action_id?: string; value?: string };
  block_id?: string;
}

/** Every visible string of a message: its text, and each block's text, context and button labels. */
export function textOf(message: Body | FakeMessage | undefined): string {
  if (!message) return '';
  const blocks = (message.blocks ?? []) as Block[];
  const parts = [message.text ?? ''];
  for (const block of blocks) {
    if (block.text?.text) parts.push(block.text.text);
    for (const element of block.elements ?? []) {
      const t = element.text;
      if (typeof t === 'string') parts.push(t);
      else if (t?.text) parts.push(t.text);
    }
  }
  return parts.join('\n');
}

/** The posts a command's or click's response_url received. */
export function responsesTo(fake: FakeSlack, responseUrl: string | undefined): ResponseUrlPost[] {
  const path = responseUrl ? new URL(responseUrl).pathname : '';
  return fake.responses.filter((r) => r.path === path);
}

/** Waits for the first reply on a response_url and answers its body. */
export async function firstReply(
  fake: FakeSlack,
  responseUrl: string | undefined,
  timeoutMs = 15_000,
): Promise<Body> {
  const [first] = await fake.waitFor(
    () => {
      const found = responsesTo(fake, responseUrl);
      return found.length ? found : undefined;
    },
    { timeoutMs, what: `a reply on ${responseUrl}` },
  );
  return first!.body as Body;
}

/** The buttons of a message's actions blocks. */
export function buttonsOf(message: Body | FakeMessage | undefined) {
  return ((message?.blocks ?? []) as Block[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => ({ ...e, blockId: b.block_id })));
}
