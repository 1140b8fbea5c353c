/** Buttons as action rows within Discord's limits, each carrying an encoded control. */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { type Control, encodeControl } from '../custom-id.js';
import {
  DISCORD_MAX_ACTION_ROWS,
  DISCORD_MAX_BUTTON_LABEL,
  DISCORD_MAX_BUTTONS_PER_ROW,
  fitText,
} from '../limits.js';

export interface ButtonSpec {
  control: Control;
  label: string;
  style?: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;
}

/** Buttons in order, five to a row; more than the rows allow is a bug in the caller. */
export function buttonRows(
  buttons: readonly ButtonSpec[],
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const max = DISCORD_MAX_ACTION_ROWS * DISCORD_MAX_BUTTONS_PER_ROW;
  if (buttons.length > max)
    throw new RangeError(`${buttons.length} buttons; a message holds ${max}`);
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  for (let i = 0; i < buttons.length; i += DISCORD_MAX_BUTTONS_PER_ROW) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + DISCORD_MAX_BUTTONS_PER_ROW).map(button),
    });
  }
  return rows;
}

function button(spec: ButtonSpec): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: spec.style ?? ButtonStyle.Secondary,
    label: fitText(spec.label, DISCORD_MAX_BUTTON_LABEL),
    custom_id: encodeControl(spec.control),
  };
}
