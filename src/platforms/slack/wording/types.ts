/**
 * Slack's own words, on top of the shared ones in `src/i18n`: what only Slack shows (App Home,
 * the answer modal, the admin list) and how it frames a reply.
 */
import type { Wording } from '../../../i18n/index.js';
import type { CompeteWording } from '../../../i18n/compete/index.js';
import type { DrillWording } from '../../../i18n/drill/index.js';

/** Shared sentences plus competition and drill sentences plus Slack's. */
export interface SlackWords extends Wording {
  readonly compete: CompeteWording;
  readonly drill: DrillWording;
  readonly slack: SlackWording;
}

export interface SlackWording {
  /** A command or click failed for a reason that is not the person's. */
  unexpected: string;
  /** Typed text that does not fit the command spec: the parser's sentence plus where to look. */
  badText(message: string): string;
  /** A click on a button made by an older version of the bot. */
  oldButton: string;
  /** A click whose payload could not be read. */
  badButton: string;
  /** The button beside a search hit. */
  showButton: string;
  /** The label of a formula image that failed to upload (its TeX follows). */
  formulaAsText: string;
  /** Under a split message: which part this is. */
  part(n: number, of: number): string;
  home: {
    title: string;
    you(name: string): string;
    drill: string;
    noDrill: string;
    board: string;
    channels: string;
    noChannels: string;
    /** One daily subscription: channel mention, time, zone, tags, paused reason. */
    channel(line: {
      channel: string;
      time: string;
      zone: string;
      tags: string[];
      paused: string | null;
    }): string;
    admins: string;
    adminsHint: string;
    adminsPlaceholder: string;
    help: string;
  };
  admins: {
    saved(count: number): string;
    refused: string;
  };
  modal: {
    title: string;
    label: string;
    submit: string;
    close: string;
    empty: string;
  };
}
