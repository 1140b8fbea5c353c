/**
 * The fake Discord, proven with the real discord.js: a `Client` (Guilds intent only) logs in
 * through `/gateway/bot` and the gateway, commands are registered with `REST`, interactions are
 * dispatched over the websocket and answered through discord.js's own methods, and every REST
 * call lands in the fake's record. No quizbot code is involved: this is the harness the Discord
 * adapter's tests stand on.
 */
import { once } from 'node:events';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  LabelBuilder,
  Locale,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  REST,
  Routes,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import {
  DispatchError,
  shardOf,
  startFakeDiscord,
  type FakeDiscord,
} from '../fake-discord/index.js';

const TOKEN = 'MTIwMDAwMDAwMDAwMDAwMDAwMQ.fake.bot-token';
const APP = '1200000000000000001';
const GUILD = '1200000000000000100';
const GENERAL = '1200000000000000101';
const HIDDEN = '1200000000000000102';
const NO_FILES = '1200000000000000103';
const ADMIN_ROLE = '1200000000000000110';
const ALICE = '1200000000000000201';
const BOB = '1200000000000000202';
const CAROL = '1200000000000000203';

const quiz = new SlashCommandBuilder()
  .setName('quiz')
  .setDescription('Interview questions')
  .setNameLocalizations({ [Locale.ChineseCN]: '题库' })
  .setDescriptionLocalizations({ [Locale.ChineseCN]: '面试题' })
  .addSubcommand((s) =>
    s
      .setName('show')
      .setDescription('Show a question')
      .addStringOption((o) =>
        o.setName('id').setDescription('Question id').setRequired(true).setAutocomplete(true),
      )
      .addBooleanOption((o) => o.setName('public').setDescription('Post for everyone')),
  )
  .addSubcommandGroup((g) =>
    g
      .setName('daily')
      .setDescription('The daily question')
      .addSubcommand((s) =>
        s
          .setName('set')
          .setDescription('Schedule it')
          .addStringOption((o) => o.setName('time').setDescription('HH:MM').setRequired(true))
          .addStringOption((o) => o.setName('timezone').setDescription('IANA').setRequired(true))
          .addIntegerOption((o) => o.setName('count').setDescription('How many').setMinValue(1)),
      ),
  );
const quizAdmin = new SlashCommandBuilder()
  .setName('quizadmin')
  .setDescription('Admin only')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);

let fake: FakeDiscord;
let client: Client;
let rest: REST;

function nextInteraction<T>(handler: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(resolve, reject);
    });
  });
}

async function png(width: number, height: number): Promise<Buffer> {
  const background = { r: 255, g: 255, b: 255, alpha: 1 };
  return sharp({ create: { width, height, channels: 4, background } })
    .png()
    .toBuffer();
}

async function loggedInClient(apiUrl: string, token = TOKEN): Promise<Client> {
  const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } });
  const ready = once(c, Events.ClientReady);
  await c.login(token);
  await ready;
  return c;
}

function buttonRow(customId: string, label: string) {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(customId).setLabel(label).setStyle(ButtonStyle.Primary),
  );
}

function general(): TextChannel {
  return client.channels.cache.get(GENERAL) as TextChannel;
}

beforeAll(async () => {
  fake = await startFakeDiscord({
    token: TOKEN,
    applicationId: APP,
    heartbeatIntervalMs: 200,
    guilds: [
      {
        id: GUILD,
        name: 'Quiz Lab',
        preferredLocale: Locale.ChineseCN,
        roles: [{ id: ADMIN_ROLE, name: 'Admins', permissions: ['ManageGuild'] }],
        channels: [
          { id: GENERAL, name: 'general' },
          {
            id: HIDDEN,
            name: 'staff',
            overwrites: [{ id: GUILD, type: 'role', deny: ['ViewChannel'] }],
          },
          {
            id: NO_FILES,
            name: 'no-files',
            overwrites: [{ id: APP, type: 'member', deny: ['AttachFiles'] }],
          },
        ],
        members: [
          { user: { id: ALICE, username: 'alice' }, roles: [ADMIN_ROLE] },
          { user: { id: BOB, username: 'bob' } },
          { user: { id: CAROL, username: 'carol', dmsClosed: true } },
        ],
      },
    ],
  });
  client = await loggedInClient(fake.apiUrl);
  rest = new REST({ api: fake.apiUrl }).setToken(TOKEN);
  await rest.put(Routes.applicationCommands(APP), { body: [quiz.toJSON(), quizAdmin.toJSON()] });
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

describe('login', () => {
  it('resolves the gateway from /gateway/bot and is ready with the guild cached', async () => {
    const gatewayCall = fake.callsTo('GET /gateway/bot')[0]!;
    expect(gatewayCall.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(gatewayCall.response).toMatchObject({ url: fake.gatewayUrl, shards: 1 });

    expect(client.user?.id).toBe(APP);
    expect(client.user?.bot).toBe(true);
    expect(client.application?.id).toBe(APP);
    const guild = client.guilds.cache.get(GUILD)!;
    expect(guild.name).toBe('Quiz Lab');
    expect(guild.preferredLocale).toBe('zh-CN');
    expect(guild.channels.cache.map((c) => c.name).sort()).toEqual([
      'general',
      'no-files',
      'staff',
    ]);
    expect(guild.members.me?.id).toBe(APP);
    // discord.js computes permissions from the roles and overwrites GUILD_CREATE delivered.
    const me = guild.members.me!;
    expect(general().permissionsFor(me).has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(guild.channels.cache.get(HIDDEN)!.permissionsFor(me).has('ViewChannel')).toBe(false);
    expect(guild.channels.cache.get(NO_FILES)!.permissionsFor(me).has('AttachFiles')).toBe(false);
  });

  it('identified with the Guilds intent only, one shard, and heartbeats are acknowledged', async () => {
    const [session] = fake.gateway.sessions();
    expect(session).toMatchObject({
      intents: GatewayIntentBits.Guilds,
      shard: [0, 1],
      connected: true,
    });
    await fake.waitFor(() => (session!.heartbeats >= 2 ? true : undefined));
    await fake.waitFor(() => (client.ws.ping >= 0 ? true : undefined));
  });

  it('a bad token makes login reject: the fake answers 401 to /gateway/bot', async () => {
    const other = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    const before = fake.calls.length;
    await expect(other.login('not-the-token')).rejects.toThrow('An invalid token was provided.');
    await other.destroy();
    const call = fake.calls.slice(before).find((c) => c.path === '/gateway/bot')!;
    expect(call.status).toBe(401);
    expect(call.response).toEqual({ message: '401: Unauthorized', code: 0 });
  });

  it('a privileged intent the app was not granted: the gateway closes 4014 and login rejects', async () => {
    const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent];
    const greedy = new Client({ intents, rest: { api: fake.apiUrl } });
    await expect(greedy.login(TOKEN)).rejects.toThrow('Used disallowed intents');
    await greedy.destroy();
    expect(fake.gateway.sessions()).toHaveLength(1);
  });

  it('resumes on resume_gateway_url after an op 7 reconnect, and keeps receiving interactions', async () => {
    const [session] = fake.gateway.sessions();
    fake.gateway.requestReconnect();
    await fake.waitFor(() => (session!.resumes === 1 && session!.connected ? true : undefined));
    expect(session!.path).toBe('/gateway-resume');
    const seen = nextInteraction(async (i) => {
      if (!i.isChatInputCommand()) throw new Error('expected a command');
      await i.reply({ content: 'still here', flags: MessageFlags.Ephemeral });
      return i.id;
    });
    const handle = fake.dispatchCommand({
      command: 'quiz show',
      options: { id: 'Q1' },
      user: BOB,
      channelId: GENERAL,
    });
    expect(await seen).toBe(handle.id);
  });
});

describe('application commands', () => {
  it('PUT is recorded and the commands are listable with ids and versions', async () => {
    const put = fake.callsTo('PUT /applications/:app/commands')[0]!;
    expect(put.status).toBe(200);
    expect((put.json as { name: string }[]).map((c) => c.name)).toEqual(['quiz', 'quizadmin']);

    const listed = (await rest.get(Routes.applicationCommands(APP))) as Record<string, unknown>[];
    expect(listed.map((c) => c.name)).toEqual(['quiz', 'quizadmin']);
    for (const c of listed)
      expect(c).toMatchObject({
        id: expect.any(String),
        version: expect.any(String),
        application_id: APP,
      });
    // Without with_localizations Discord leaves the dictionaries out; discord.js can ask for them.
    expect(listed[0]).not.toHaveProperty('name_localizations');
    const fetched = await client.application!.commands.fetch({ withLocalizations: true });
    const fetchedQuiz = fetched.find((c) => c.name === 'quiz')!;
    expect(fetchedQuiz.nameLocalizations).toEqual({ 'zh-CN': '题库' });
    expect(fake.commands().find((c) => c.name === 'quizadmin')?.default_member_permissions).toBe(
      PermissionFlagsBits.ManageGuild.toString(),
    );
  });

  it('PUT again keeps ids of commands it matches and bumps their version', async () => {
    const before = fake.commands();
    await rest.put(Routes.applicationCommands(APP), { body: [quiz.toJSON(), quizAdmin.toJSON()] });
    const after = fake.commands();
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after[0]!.version).not.toBe(before[0]!.version);
  });

  it('refuses what Discord refuses: an unknown locale key is a 50035', async () => {
    const bad = { ...quizAdmin.toJSON(), name: 'broken', name_localizations: { zh: '坏' } };
    const error = await rest
      .post(Routes.applicationGuildCommands(APP, GUILD), { body: bad })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).message).toContain('name_localizations.zh');
  });
});

describe('interactions', () => {
  it('a slash command arrives as a ChatInputCommandInteraction; an ephemeral reply is a type-4 callback with flags 64', async () => {
    const seen = nextInteraction(async (i) => {
      if (!(i instanceof ChatInputCommandInteraction)) throw new Error('not a chat input command');
      await i.reply({ content: '已保存', flags: MessageFlags.Ephemeral });
      return {
        group: i.options.getSubcommandGroup(),
        sub: i.options.getSubcommand(),
        time: i.options.getString('time'),
        zone: i.options.getString('timezone'),
        count: i.options.getInteger('count'),
        locale: i.locale,
        guildLocale: i.guildLocale,
        admin: i.memberPermissions?.has(PermissionFlagsBits.ManageGuild),
        appCanSend: i.appPermissions.has(PermissionFlagsBits.SendMessages),
        channel: i.channel?.id,
        context: i.context,
      };
    });
    const handle = fake.dispatchCommand({
      command: 'quiz daily set',
      options: { time: '09:30', timezone: 'Asia/Shanghai', count: 2 },
      user: ALICE,
      channelId: GENERAL,
      locale: 'zh-CN',
    });
    expect(await seen).toEqual({
      group: 'daily',
      sub: 'set',
      time: '09:30',
      zone: 'Asia/Shanghai',
      count: 2,
      locale: 'zh-CN',
      guildLocale: 'zh-CN',
      admin: true,
      appCanSend: true,
      channel: GENERAL,
      context: 0,
    });
    const callback = await handle.callback();
    expect(callback).toMatchObject({ type: 4, data: { content: '已保存', flags: 64 } });
    expect(callback.call.path).toBe(`/interactions/${handle.id}/${handle.token}/callback`);
    expect(callback.call.headers.authorization).toBeUndefined();
    expect(callback.ms).toBeLessThan(3000);
    // Ephemeral: a message exists for the user, not in the channel's history.
    expect(handle.original()?.flags).toBe(MessageFlags.Ephemeral);
    expect(fake.messages(GENERAL).some((m) => m.id === handle.original()?.id)).toBe(false);
  });

  it('sends a member without Manage Server as such, and refuses a command Discord would hide from them', async () => {
    const seen = nextInteraction(async (i) => {
      await (i as ChatInputCommandInteraction).reply({
        content: 'no',
        flags: MessageFlags.Ephemeral,
      });
      return i.memberPermissions?.has(PermissionFlagsBits.ManageGuild);
    });
    fake.dispatchCommand({
      command: 'quiz show',
      options: { id: 'Q2' },
      user: BOB,
      channelId: GENERAL,
    });
    expect(await seen).toBe(false);
    expect(() =>
      fake.dispatchCommand({ command: 'quizadmin', user: BOB, channelId: GENERAL }),
    ).toThrow(DispatchError);
    expect(() =>
      fake.dispatchCommand({
        command: 'quiz show',
        options: { nope: 1 },
        user: BOB,
        channelId: GENERAL,
      }),
    ).toThrow('unknown option "nope"');
    const overridden = nextInteraction(async (i) => {
      await (i as ChatInputCommandInteraction).reply({ content: 'server-side check says no' });
      return i.user.id;
    });
    fake.dispatchCommand({
      command: 'quizadmin',
      user: BOB,
      channelId: GENERAL,
      permissionOverride: true,
    });
    expect(await overridden).toBe(BOB);
  });

  it('deferReply then editReply with a PNG: a multipart PATCH to @original carries the bytes', async () => {
    const image = await png(40, 20);
    const done = nextInteraction(async (i) => {
      const ci = i as ChatInputCommandInteraction;
      await ci.deferReply();
      const file = new AttachmentBuilder(image, { name: 'q22-1.png', description: 'x = 1' });
      const message = await ci.editReply({
        content: 'Q22',
        files: [file],
        embeds: [{ title: 'Q22', image: { url: 'attachment://q22-1.png' } }],
      });
      return message.id;
    });
    const handle = fake.dispatchCommand({
      command: 'quiz show',
      options: { id: 'Q22', public: true },
      user: ALICE,
      channelId: GENERAL,
    });
    const messageId = await done;
    expect((await handle.callback()).type).toBe(5);
    const edit = await handle.edit(0);
    expect(edit.call.method).toBe('PATCH');
    expect(edit.call.path).toBe(`/webhooks/${APP}/${handle.token}/messages/@original`);
    expect(edit.call.headers.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(edit.files).toHaveLength(1);
    expect(edit.files[0]).toMatchObject({
      field: 'files[0]',
      name: 'q22-1.png',
      contentType: 'image/png',
    });
    expect(edit.files[0]!.bytes.equals(image)).toBe(true);
    expect(edit.json).toMatchObject({ attachments: [{ id: '0', description: 'x = 1' }] });

    const message = fake.message(messageId)!;
    expect(message.flags ?? 0).toBe(0);
    expect(message.type).toBe(20);
    expect(message.interaction_metadata).toMatchObject({ id: handle.id, user: { id: ALICE } });
    const [attachment] = message.attachments;
    expect(attachment).toMatchObject({
      filename: 'q22-1.png',
      description: 'x = 1',
      width: 40,
      height: 20,
      size: image.length,
    });
    expect(message.embeds[0]?.image?.url).toBe(attachment!.url);
    expect(Buffer.from(await (await fetch(attachment!.url)).arrayBuffer()).equals(image)).toBe(
      true,
    );
    expect(fake.messages(GENERAL).map((m) => m.id)).toContain(messageId);
  });

  it('followUp posts through the interaction webhook; after a deferral the first one fills the deferred reply', async () => {
    const done = nextInteraction(async (i) => {
      const ci = i as ChatInputCommandInteraction;
      await ci.deferReply({ flags: MessageFlags.Ephemeral });
      const first = await ci.followUp({ content: 'the answer' });
      const second = await ci.followUp({ content: 'one more', flags: MessageFlags.Ephemeral });
      return [first.id, second.id];
    });
    const handle = fake.dispatchCommand({
      command: 'quiz show',
      options: { id: 'Q3' },
      user: ALICE,
      channelId: GENERAL,
    });
    const [first, second] = await done;
    expect(first).toBe(handle.original()!.id);
    expect(handle.original()).toMatchObject({
      content: 'the answer',
      flags: MessageFlags.Ephemeral,
    });
    expect(await handle.followUp(1)).toMatchObject({ id: second, content: 'one more' });
    expect(fake.callsTo(`POST /webhooks/${APP}/${handle.token}`)).toHaveLength(2);
    expect(fake.message(second!)?.interaction_metadata).toMatchObject({
      original_response_message_id: first,
    });
  });

  it('reply withResponse gets the callback resource discord.js expects', async () => {
    const done = nextInteraction(async (i) => {
      const response = await (i as ChatInputCommandInteraction).reply({
        content: 'with response',
        withResponse: true,
      });
      return {
        id: response.resource?.message?.id,
        content: response.resource?.message?.content,
        of: response.interaction.id,
      };
    });
    const handle = fake.dispatchCommand({
      command: 'quiz show',
      options: { id: 'Q4' },
      user: ALICE,
      channelId: GENERAL,
    });
    expect(await done).toEqual({
      id: handle.original()!.id,
      content: 'with response',
      of: handle.id,
    });
    expect((await handle.callback()).call.query).toEqual({ with_response: 'true' });
  });

  it('autocomplete: the focused option arrives and respond() is a type-8 callback', async () => {
    const done = nextInteraction(async (i) => {
      if (!i.isAutocomplete()) throw new Error('not autocomplete');
      const focused = i.options.getFocused(true);
      await i.respond([
        { name: 'Q2: 白化', value: 'Q2' },
        { name: 'Q22: BatchNorm', value: 'Q22' },
      ]);
      return focused;
    });
    const handle = fake.dispatchAutocomplete({
      command: 'quiz show',
      focused: 'id',
      value: 'Q2',
      user: BOB,
      channelId: GENERAL,
      locale: 'zh-CN',
    });
    expect(await done).toMatchObject({ name: 'id', value: 'Q2', focused: true });
    expect(await handle.callback()).toMatchObject({
      type: 8,
      data: { choices: [{ value: 'Q2' }, { value: 'Q22' }] },
    });
  });

  it('a button on a posted message: update() is a type-7 callback that edits that message', async () => {
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder()
        .setCustomId('quiz:v1:reveal:Q5')
        .setLabel('Show answer')
        .setStyle(ButtonStyle.Primary),
    );
    const posted = await general().send({ content: 'Q5: what is dropout?', components: [row] });
    const done = nextInteraction(async (i) => {
      if (!i.isButton()) throw new Error('not a button');
      await i.update({ content: 'Q5: answer revealed', components: [] });
      return { customId: i.customId, message: i.message.id, user: i.user.id };
    });
    const handle = fake.dispatchButton({
      messageId: posted.id,
      customId: 'quiz:v1:reveal:Q5',
      user: BOB,
    });
    expect(await done).toEqual({ customId: 'quiz:v1:reveal:Q5', message: posted.id, user: BOB });
    expect((await handle.callback()).type).toBe(7);
    expect(fake.messages(GENERAL).find((m) => m.id === posted.id)).toMatchObject({
      content: 'Q5: answer revealed',
      components: [],
    });
    expect(() =>
      fake.dispatchButton({ messageId: posted.id, customId: 'quiz:v1:reveal:Q5', user: BOB }),
    ).toThrow(DispatchError);
  });

  it('showModal is a type-9 callback; the modal submit mirrors it and its reply lands', async () => {
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder()
        .setCustomId('quiz:v1:answer:Q6')
        .setLabel('Answer')
        .setStyle(ButtonStyle.Secondary),
    );
    const posted = await general().send({ content: 'Q6: 2 + 2?', components: [row] });
    const shown = nextInteraction(async (i) => {
      if (!i.isButton()) throw new Error('not a button');
      const modal = new ModalBuilder()
        .setCustomId('quiz:v1:numeric:Q6')
        .setTitle('Your answer')
        .addLabelComponents(
          new LabelBuilder()
            .setLabel('Number')
            .setTextInputComponent(
              new TextInputBuilder().setCustomId('value').setStyle(TextInputStyle.Short),
            ),
        );
      await i.showModal(modal);
    });
    const opener = fake.dispatchButton({
      messageId: posted.id,
      customId: 'quiz:v1:answer:Q6',
      user: ALICE,
    });
    await shown;
    expect(await opener.callback()).toMatchObject({
      type: 9,
      data: { custom_id: 'quiz:v1:numeric:Q6', title: 'Your answer' },
    });

    const submitted = nextInteraction(async (i) => {
      if (!i.isModalSubmit()) throw new Error('not a modal submit');
      await i.reply({
        content: `got ${i.fields.getTextInputValue('value')}`,
        flags: MessageFlags.Ephemeral,
      });
      return { customId: i.customId, message: i.message?.id, user: i.user.id };
    });
    const submit = fake.dispatchModalSubmit({ from: opener, values: { value: '4' } });
    expect(await submitted).toEqual({
      customId: 'quiz:v1:numeric:Q6',
      message: posted.id,
      user: ALICE,
    });
    expect(await submit.callback()).toMatchObject({
      type: 4,
      data: { content: 'got 4', flags: 64 },
    });
    expect(() => fake.dispatchModalSubmit({ from: opener, values: { other: 'x' } })).toThrow(
      'no field "other"',
    );
  });

  it('deferUpdate then editReply edits the message the button is on', async () => {
    const posted = await general().send({
      content: 'Q10',
      components: [buttonRow('quiz:v1:rate:Q10:good', 'Good')],
    });
    const done = nextInteraction(async (i) => {
      if (!i.isButton()) throw new Error('not a button');
      await i.deferUpdate();
      await i.editReply({ content: 'Q10 (rated Good)', components: [] });
    });
    const handle = fake.dispatchButton({
      messageId: posted.id,
      customId: 'quiz:v1:rate:Q10:good',
      user: ALICE,
    });
    await done;
    expect((await handle.callback()).type).toBe(6);
    expect((await handle.edit(0)).messageId).toBe(posted.id);
    expect(fake.message(posted.id)).toMatchObject({ content: 'Q10 (rated Good)', components: [] });
  });

  it('a string select: the chosen values arrive; a value not on the menu is refused', async () => {
    const menu = new StringSelectMenuBuilder()
      .setCustomId('quiz:v1:mc:Q11')
      .addOptions(['A', 'B', 'C'].map((v) => ({ label: `Option ${v}`, value: v })));
    const posted = await general().send({
      content: 'Q11: pick one',
      components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
    });
    const done = nextInteraction(async (i) => {
      if (!i.isStringSelectMenu()) throw new Error('not a select');
      await i.reply({ content: 'noted', flags: MessageFlags.Ephemeral });
      return i.values;
    });
    fake.dispatchSelect({
      messageId: posted.id,
      customId: 'quiz:v1:mc:Q11',
      values: ['B'],
      user: BOB,
    });
    expect(await done).toEqual(['B']);
    expect(() =>
      fake.dispatchSelect({
        messageId: posted.id,
        customId: 'quiz:v1:mc:Q11',
        values: ['Z'],
        user: BOB,
      }),
    ).toThrow(DispatchError);
  });

  it('a button in a DM arrives with a user and no member, in the bot-DM context', async () => {
    const alice = await client.users.fetch(ALICE);
    const card = await alice.send({
      content: 'Drill: Q12',
      components: [buttonRow('quiz:v1:drill:reveal:Q12', 'Reveal')],
    });
    const done = nextInteraction(async (i) => {
      if (!i.isButton()) throw new Error('not a button');
      await i.update({ content: 'Drill: Q12 (answer shown)', components: [] });
      return {
        member: i.member,
        inGuild: i.inGuild(),
        channel: i.channel?.type,
        context: i.context,
      };
    });
    const handle = fake.dispatchButton({
      messageId: card.id,
      customId: 'quiz:v1:drill:reveal:Q12',
      user: ALICE,
    });
    expect(await done).toEqual({
      member: null,
      inGuild: false,
      channel: ChannelType.DM,
      context: 1,
    });
    expect(handle.payload).toMatchObject({
      user: { id: ALICE },
      authorizing_integration_owners: { '0': '0' },
    });
    expect(handle.payload).not.toHaveProperty('guild_id');
    expect(fake.message(card.id)?.content).toBe('Drill: Q12 (answer shown)');
    expect(() =>
      fake.dispatchButton({
        messageId: card.id,
        customId: 'quiz:v1:drill:reveal:Q12',
        user: BOB,
        unchecked: false,
      }),
    ).toThrow(DispatchError);
  });

  it('enforces the interaction rules: one callback, and 10062 after the deadline', async () => {
    const handle = fake.dispatchCommand({
      command: 'quiz show',
      options: { id: 'Q7' },
      user: BOB,
      channelId: GENERAL,
    });
    const raw = (type: number) =>
      client.rest.post(Routes.interactionCallback(handle.id, handle.token), {
        body: { type, data: { content: 'x' } },
        auth: false,
      });
    await raw(4);
    const again = await raw(4).catch((e: unknown) => e);
    expect((again as DiscordAPIError).code).toBe(40060);
    const late = await startFakeDiscord({
      token: TOKEN,
      applicationId: APP,
      callbackDeadlineMs: 50,
      guilds: [
        {
          id: GUILD,
          name: 'g',
          channels: [{ id: GENERAL, name: 'general' }],
          members: [{ user: { id: BOB, username: 'bob' } }],
        },
      ],
    });
    const lateClient = await loggedInClient(late.apiUrl);
    try {
      await new REST({ api: late.apiUrl })
        .setToken(TOKEN)
        .put(Routes.applicationCommands(APP), { body: [quiz.toJSON()] });
      const replied = new Promise<unknown>((resolve) => {
        lateClient.once(Events.InteractionCreate, (i) => {
          setTimeout(
            () => (i as ChatInputCommandInteraction).reply('too late').then(resolve, resolve),
            120,
          );
        });
      });
      late.dispatchCommand({
        command: 'quiz show',
        options: { id: 'Q1' },
        user: BOB,
        channelId: GENERAL,
      });
      const error = await replied;
      expect(error).toBeInstanceOf(DiscordAPIError);
      expect((error as DiscordAPIError).code).toBe(10062);
    } finally {
      await lateClient.destroy();
      await late.close();
    }
  });
});

describe('posting', () => {
  it('channel.send with files; a nonce + enforceNonce repeat returns the same message', async () => {
    const image = await png(8, 8);
    const send = () =>
      general().send({
        content: 'daily Q8',
        files: [{ attachment: image, name: 'q8.png' }],
        nonce: 'daily:2025-03-06',
        enforceNonce: true,
      });
    const first = await send();
    const second = await send();
    expect(second.id).toBe(first.id);
    const posts = fake
      .callsTo(`POST /channels/${GENERAL}/messages`)
      .filter((c) => (c.json as { nonce?: string }).nonce === 'daily:2025-03-06');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.json).toMatchObject({ nonce: 'daily:2025-03-06', enforce_nonce: true });
    expect(posts[0]!.files[0]!.bytes.equals(image)).toBe(true);
    expect(fake.messages(GENERAL).filter((m) => m.content === 'daily Q8')).toHaveLength(1);
    expect(first.attachments.first()?.name).toBe('q8.png');
  });

  it('channel history is readable through the API, newest first', async () => {
    const fetched = await general().messages.fetch({ limit: 3 });
    const expected = fake
      .messages(GENERAL)
      .slice(-3)
      .reverse()
      .map((m) => m.id);
    expect([...fetched.keys()]).toEqual(expected);
  });

  it('message.startThread creates a public thread (type 11) with the message id and parent', async () => {
    const posted = await general().send('Q9: discuss here');
    const thread = await posted.startThread({ name: 'Q9 discussion' });
    expect(thread.type).toBe(ChannelType.PublicThread);
    expect(thread.id).toBe(posted.id);
    expect(thread.parentId).toBe(GENERAL);
    expect(fake.callsTo(`POST /channels/${GENERAL}/messages/${posted.id}/threads`)).toHaveLength(1);
    expect(fake.threads(GENERAL).map((t) => t.id)).toContain(thread.id);
    await thread.send('first reply in the thread');
    expect(fake.messages(thread.id).map((m) => m.content)).toEqual(['first reply in the thread']);
    await expect(posted.startThread({ name: 'again' })).rejects.toThrow();
  });

  it('user.send opens a DM channel once, then posts in it', async () => {
    const alice = await client.users.fetch(ALICE);
    const message = await alice.send('Your drill: 3 cards are due');
    // Opened once (by the DM-button test or here); discord.js reuses the cached DM channel.
    const opened = fake.callsTo('POST /users/@me/channels');
    expect(opened.map((c) => c.json)).toEqual([{ recipient_id: ALICE }]);
    const dm = fake.dmChannels().find((c) => c.recipients?.[0]?.id === ALICE)!;
    expect(message.channelId).toBe(dm.id);
    expect(message.channel.type).toBe(ChannelType.DM);
    expect(fake.messages(dm.id).at(-1)?.content).toBe('Your drill: 3 cards are due');
  });

  it('a user with closed DMs: 50007 Cannot send messages to this user', async () => {
    const carol = await client.users.fetch(CAROL);
    const error = await carol.send('due cards').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50007);
  });

  it('a 429 with Retry-After on a channel post is retried by discord.js and lands once', async () => {
    fake.failNext(`POST /channels/${GENERAL}/messages`, { status: 429, retryAfter: 0.05 });
    const message = await general().send('after a rate limit');
    const tries = fake
      .callsTo(`POST /channels/${GENERAL}/messages`)
      .filter((c) => (c.json as { content?: string }).content === 'after a rate limit');
    expect(tries.map((c) => c.status)).toEqual([429, 200]);
    expect(tries[0]!.response).toEqual({
      message: 'You are being rate limited.',
      retry_after: 0.05,
      global: false,
    });
    expect(
      fake
        .messages(GENERAL)
        .filter((m) => m.content === 'after a rate limit')
        .map((m) => m.id),
    ).toEqual([message.id]);
  });

  it('a 500 is retried by discord.js; the post lands once', async () => {
    fake.failNext(`POST /channels/${GENERAL}/messages`, { status: 500 });
    await general().send('after a 500');
    expect(fake.messages(GENERAL).filter((m) => m.content === 'after a 500')).toHaveLength(1);
  });

  it('403s surface as DiscordAPIError: injected Missing Access, and computed from permissions', async () => {
    fake.failNext(`POST /channels/${GENERAL}/messages`, { status: 403 });
    const injected = await general()
      .send('blocked')
      .catch((e: unknown) => e);
    expect(injected).toBeInstanceOf(DiscordAPIError);
    expect(injected).toMatchObject({ code: 50001, status: 403, message: 'Missing Access' });

    const hidden = await client.rest
      .post(Routes.channelMessages(HIDDEN), { body: { content: 'x' } })
      .catch((e: unknown) => e);
    expect(hidden).toMatchObject({ code: 50001 });
    const noFiles = client.channels.cache.get(NO_FILES) as TextChannel;
    const attach = await noFiles
      .send({ files: [{ attachment: await png(2, 2), name: 'a.png' }] })
      .catch((e: unknown) => e);
    expect(attach).toMatchObject({ code: 50013, message: 'Missing Permissions' });
  });

  it('Discord limits: content over 2,000 characters is a 50035 naming the field', async () => {
    const error = await general()
      .send('x'.repeat(2001))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).message).toContain('content[BASE_TYPE_MAX_LENGTH]');
  });

  it('the other routes discord.js uses answer as Discord does', async () => {
    expect((await client.application!.fetch()).id).toBe(APP);
    expect(await client.rest.get(Routes.user())).toMatchObject({ id: APP, bot: true });

    const guild = client.guilds.cache.get(GUILD)!;
    const guildCommands = await client.application!.commands.set([quizAdmin.toJSON()], GUILD);
    const [adminCommand] = [...guildCommands.values()];
    await client.application!.commands.edit(
      adminCommand!.id,
      { description: 'Admins only' },
      GUILD,
    );
    expect(fake.commands(GUILD).map((c) => c.description)).toEqual(['Admins only']);
    await client.application!.commands.delete(adminCommand!.id, GUILD);
    expect(fake.commands(GUILD)).toEqual([]);

    expect((await guild.members.fetch(ALICE)).user.username).toBe('alice');
    expect((await guild.roles.fetch()).has(ADMIN_ROLE)).toBe(true);
    expect((await guild.channels.fetch()).size).toBe(3);
    expect((await client.channels.fetch(GENERAL, { force: true }))?.id).toBe(GENERAL);

    const posted = await general().send('to be edited');
    await posted.edit('edited');
    expect(fake.message(posted.id)).toMatchObject({
      content: 'edited',
      edited_timestamp: expect.any(String),
    });
    await posted.delete();
    expect(fake.messages(GENERAL).some((m) => m.id === posted.id)).toBe(false);

    const thread = await general().threads.create({
      name: 'standalone',
      type: ChannelType.PublicThread,
    });
    await thread.join();
    expect(fake.messages(GENERAL).at(-1)).toMatchObject({ type: 18, content: 'standalone' });
    const privateThread = await general()
      .threads.create({ name: 'secret', type: ChannelType.PrivateThread })
      .catch((e: unknown) => e);
    expect(privateThread).toMatchObject({ code: 50013 });

    const done = nextInteraction(async (i) => {
      const ci = i as ChatInputCommandInteraction;
      await ci.reply({ content: 'short-lived' });
      const fetched = await ci.fetchReply();
      await ci.deleteReply();
      return fetched.content;
    });
    const handle = fake.dispatchCommand({
      command: 'quiz show',
      options: { id: 'Q13' },
      user: ALICE,
      channelId: GENERAL,
    });
    expect(await done).toBe('short-lived');
    expect(fake.messages(GENERAL).some((m) => m.id === handle.original()?.id)).toBe(false);
    expect(fake.unknownCalls()).toEqual([]);
  });

  it('an unknown route is recorded and answered 404 so the gap is visible', async () => {
    const error = await client.rest.get(Routes.guildAuditLog(GUILD)).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 0 });
    expect(fake.unknownCalls().map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /guilds/${GUILD}/audit-logs`,
    ]);
  });
});

describe('sharding', () => {
  it("two shards: each session gets its own guilds, and an interaction goes to its guild's shard", async () => {
    // Guild ids whose (id >> 22) differ by one land on different shards of two.
    const first = (5_000_000n << 22n).toString();
    const second = (5_000_001n << 22n).toString();
    const channelOf = (guild: string) => (BigInt(guild) + 1n).toString();
    const sharded = await startFakeDiscord({
      token: TOKEN,
      applicationId: APP,
      recommendedShards: 2,
      maxConcurrency: 2,
      guilds: [first, second].map((id, n) => ({
        id,
        name: `guild ${n}`,
        channels: [{ id: channelOf(id), name: 'general' }],
        members: [{ user: { id: BOB, username: 'bob' } }],
      })),
    });
    const c = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: sharded.apiUrl },
      shards: 'auto',
    });
    try {
      const ready = once(c, Events.ClientReady);
      await c.login(TOKEN);
      await ready;
      const sessions = sharded.gateway
        .sessions()
        .map((s) => s.shard)
        .sort();
      expect(sessions).toEqual([
        [0, 2],
        [1, 2],
      ]);
      expect(c.guilds.cache.get(first)?.shardId).toBe(shardOf(first, 2));
      expect(c.guilds.cache.get(second)?.shardId).toBe(shardOf(second, 2));
      expect(shardOf(first, 2)).not.toBe(shardOf(second, 2));

      await new REST({ api: sharded.apiUrl })
        .setToken(TOKEN)
        .put(Routes.applicationCommands(APP), { body: [quiz.toJSON()] });
      const seen = new Promise<number>((resolve) => {
        c.once(Events.InteractionCreate, (i) => {
          void (i as ChatInputCommandInteraction).reply({
            content: 'ok',
            flags: MessageFlags.Ephemeral,
          });
          resolve(i.guild!.shardId);
        });
      });
      sharded.dispatchCommand({
        command: 'quiz show',
        options: { id: 'Q1' },
        user: BOB,
        channelId: channelOf(second),
      });
      expect(await seen).toBe(shardOf(second, 2));
    } finally {
      await c.destroy();
      await sharded.close();
    }
  });
});
