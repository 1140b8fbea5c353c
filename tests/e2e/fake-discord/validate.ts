/**
 * The message limits Discord enforces, answered the way it answers them (400 Invalid Form Body
 * with per-field `_errors`, 50006 for an empty message, 413 for a large upload), so an adapter
 * that forgets to split long answers fails here as it would in production.
 */
import { Err, type FormProblem } from './errors.js';
import type { RecordedFile } from './recorder.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  actionRows: 5,
  rowButtons: 5,
  customId: 100,
  buttonLabel: 80,
  files: 10,
  fileBytes: 10 * 1024 * 1024,
  altText: 1024,
  autocompleteChoices: 25,
} as const;

/** MessageFlags.IsComponentsV2: layout components, different limits (not checked here). */
const COMPONENTS_V2 = 1 << 15;

type Json = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

function maxLength(problems: FormProblem[], path: string, value: unknown, max: number): void {
  if (typeof value === 'string' && [...value].length > max) {
    problems.push({
      path,
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${max} or fewer in length.`,
    });
  }
}

function checkEmbeds(problems: FormProblem[], at: string, embeds: Json[]): void {
  if (embeds.length > LIMITS.embeds) {
    problems.push({
      path: `${at}embeds`,
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 10 or fewer in length.',
    });
  }
  let total = 0;
  embeds.forEach((embed, i) => {
    const p = `${at}embeds.${i}`;
    const author = (embed.author ?? {}) as Json;
    const footer = (embed.footer ?? {}) as Json;
    maxLength(problems, `${p}.title`, embed.title, LIMITS.embedTitle);
    maxLength(problems, `${p}.description`, embed.description, LIMITS.embedDescription);
    maxLength(problems, `${p}.author.name`, author.name, LIMITS.authorName);
    maxLength(problems, `${p}.footer.text`, footer.text, LIMITS.footer);
    const fields = arr(embed.fields);
    if (fields.length > LIMITS.embedFields) {
      problems.push({
        path: `${p}.fields`,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 25 or fewer in length.',
      });
    }
    fields.forEach((field, j) => {
      maxLength(problems, `${p}.fields.${j}.name`, field.name, LIMITS.fieldName);
      maxLength(problems, `${p}.fields.${j}.value`, field.value, LIMITS.fieldValue);
      total += str(field.name).length + str(field.value).length;
    });
    total += [embed.title, embed.description, author.name, footer.text].map(str).join('').length;
  });
  if (total > LIMITS.embedTotal) {
    problems.push({
      path: `${at}embeds`,
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: 'Embed size exceeds maximum size of 6000',
    });
  }
}

function checkComponents(problems: FormProblem[], at: string, rows: Json[]): void {
  if (rows.length > LIMITS.actionRows) {
    problems.push({
      path: `${at}components`,
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 5 or fewer in length.',
    });
  }
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const items = arr(row.components);
    if (row.type === 1 && items.length > LIMITS.rowButtons) {
      problems.push({
        path: `${at}components.${i}.components`,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 5 or fewer in length.',
      });
    }
    items.forEach((item, j) => {
      const p = `${at}components.${i}.components.${j}`;
      maxLength(problems, `${p}.custom_id`, item.custom_id, LIMITS.customId);
      maxLength(problems, `${p}.label`, item.label, LIMITS.buttonLabel);
      if (item.type === 2 && item.style !== 5 && item.style !== 6 && !item.custom_id) {
        problems.push({
          path: `${p}.custom_id`,
          code: 'BASE_TYPE_REQUIRED',
          message: 'This field is required',
        });
      }
      const id = str(item.custom_id);
      if (id && seen.has(id)) {
        problems.push({
          path: `${p}.custom_id`,
          code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
          message: 'Component custom id cannot be duplicated',
        });
      }
      if (id) seen.add(id);
    });
  });
}

export interface MessageCheck {
  /** `data.` for interaction callbacks, '' for channel and webhook bodies. */
  at: string;
  /** Creating (empty messages refused) or editing. */
  creating: boolean;
  /** Attachment ids the message already has (edits keep them by id). */
  existingAttachmentIds?: ReadonlySet<string>;
}

/** Throws the error Discord would answer for this message body and upload. */
export function checkMessage(
  body: Json,
  files: readonly RecordedFile[],
  check: MessageCheck,
): void {
  const { at } = check;
  if (files.length > LIMITS.files) {
    throw Err.invalidForm([
      {
        path: `${at}attachments`,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 10 or fewer in length.',
      },
    ]);
  }
  if (files.some((f) => f.bytes.length > LIMITS.fileBytes)) throw Err.tooLarge();
  const problems: FormProblem[] = [];
  maxLength(problems, `${at}content`, body.content, LIMITS.content);
  checkEmbeds(problems, at, arr(body.embeds));
  if ((Number(body.flags ?? 0) & COMPONENTS_V2) === 0)
    checkComponents(problems, at, arr(body.components));
  const fields = new Set(files.map((f) => f.field));
  arr(body.attachments).forEach((a, i) => {
    maxLength(problems, `${at}attachments.${i}.description`, a.description, LIMITS.altText);
    const id = String(a.id);
    if (!fields.has(`files[${id}]`) && !check.existingAttachmentIds?.has(id)) {
      problems.push({
        path: `${at}attachments.${i}`,
        code: 'ATTACHMENT_NOT_FOUND',
        message: `Attachment data not found for id ${id}`,
      });
    }
  });
  if (problems.length > 0) throw Err.invalidForm(problems);
  if (check.creating && isEmpty(body, files)) throw Err.emptyMessage();
}

function isEmpty(body: Json, files: readonly RecordedFile[]): boolean {
  return (
    str(body.content).trim() === '' &&
    arr(body.embeds).length === 0 &&
    arr(body.components).length === 0 &&
    arr(body.sticker_ids).length === 0 &&
    body.poll === undefined &&
    files.length === 0
  );
}
