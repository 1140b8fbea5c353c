import type { Redis } from 'ioredis';
import {
  type Competition,
  NEW_ROUND,
  type RoundAnswer,
  type RoundState,
  type CompetitionPlan,
} from '../../core/competitions/model.js';
import type {
  ClaimResult,
  CompetitionStep,
  CompetitionStore,
  CreateResult,
  SubmitResult,
} from '../../core/competitions/ports.js';
import type { PostedRef } from '../../core/quiz/types.js';
import { StoreDataError, count, decode } from './codec.js';
import {
  competitionStateSchema,
  openedSchema,
  planSchema,
  roundAnswerSchema,
} from './competition-codec.js';
import { CLAIM, CLOSE, CREATE, END, OPENED, PLAN, POSTED, SUBMIT } from './competition-scripts.js';
import { RELEASE_LEASE } from './lease-scripts.js';
import { type RedisKeys, redisKeys } from './keys.js';
import { type ScriptRunner, defineScript } from './script.js';

/** How long a competition's records stay after it ends (for `status` of a late job and debugging). */
export const ENDED_RETENTION_MS = 30 * 86_400_000;

const CLAIM_RESULTS: readonly ClaimResult[] = ['claimed', 'posted', 'busy'];
const SUBMIT_RESULTS: readonly SubmitResult[] = [
  'accepted',
  'already-answered',
  'closed',
  'not-open',
  'not-running',
];

type ScriptName = 'create' | 'plan' | 'claim' | 'release' | 'opened' | 'submit' | 'close';

/** The hash field that marks a posting step done, and the step's lease name. */
function doneField(s: CompetitionStep): string {
  return s.step === 'open'
    ? `r${s.round}:open`
    : s.step === 'result'
      ? `r${s.round}:result`
      : 'standings';
}
const leaseName = (s: CompetitionStep) => ('round' in s ? `${s.step}:${s.round}` : s.step);

/** Competitions, their rounds, answers and posting claims. */
export class RedisCompetitionStore implements CompetitionStore {
  private readonly redis: Redis;
  private readonly keys: RedisKeys;
  private readonly scripts: Record<ScriptName | 'posted' | 'end', ScriptRunner>;

  constructor(options: { redis: Redis; prefix: string }) {
    this.redis = options.redis;
    this.keys = redisKeys(options.prefix);
    this.scripts = {
      create: defineScript(this.redis, 'quizbotCompeteCreate', 3, CREATE),
      plan: defineScript(this.redis, 'quizbotCompetePlan', 1, PLAN),
      claim: defineScript(this.redis, 'quizbotCompeteClaim', 2, CLAIM),
      release: defineScript(this.redis, 'quizbotCompeteRelease', 1, RELEASE_LEASE),
      opened: defineScript(this.redis, 'quizbotCompeteOpened', 2, OPENED),
      submit: defineScript(this.redis, 'quizbotCompeteSubmit', 2, SUBMIT),
      close: defineScript(this.redis, 'quizbotCompeteClose', 1, CLOSE),
      posted: defineScript(this.redis, 'quizbotCompetePosted', 2, POSTED),
      end: defineScript(this.redis, 'quizbotCompeteEnd', 3, END),
    };
  }

  async create(plan: CompetitionPlan, firstOpensAt: string): Promise<CreateResult> {
    const k = this.keys;
    const [created, id] = (await this.scripts.create(
      [k.channelCompetition(plan.channel), k.competition(plan.id), k.runningCompetitions()],
      [plan.id, JSON.stringify(plan), firstOpensAt],
    )) as [number, string];
    return Number(created) === 1 ? { ok: true } : { ok: false, running: id };
  }

  async get(id: string): Promise<Competition | null> {
    const key = this.keys.competition(id);
    const f = await this.redis.hgetall(key);
    if (f.json === undefined) return null;
    const plan = decode(planSchema, f.json, key);
    const state = competitionStateSchema.safeParse(f.state);
    if (!state.success) throw new StoreDataError(key, `state is ${JSON.stringify(f.state)}`);
    const rounds: RoundState[] = plan.items.map((_, i) => {
      const open = f[`r${i}:open`];
      const opened = open === undefined ? null : decode(openedSchema, open, `${key} r${i}:open`);
      return {
        ...NEW_ROUND,
        opensAt: f[`r${i}:opensAt`] ?? null,
        ...(opened && { ...opened, message: opened.message as PostedRef }),
        closed: f[`r${i}:closed`] === '1',
        resultPosted: f[`r${i}:result`] === '1',
      };
    });
    return {
      ...plan,
      state: state.data,
      round: count(f.round, `${key} round`),
      rounds,
      endedAt: f.endedAt ?? null,
      standingsPosted: f.standings === '1',
    };
  }

  async runningIn(channel: string): Promise<string | null> {
    return this.redis.get(this.keys.channelCompetition(channel));
  }

  async listRunning(): Promise<string[]> {
    return (await this.redis.smembers(this.keys.runningCompetitions())).sort();
  }

  async planRound(id: string, round: number, opensAt: string): Promise<string | null> {
    checkRound(round);
    const stored = await this.scripts.plan([this.keys.competition(id)], [round, opensAt]);
    return typeof stored === 'string' ? stored : null;
  }

  async claim(
    id: string,
    step: CompetitionStep,
    owner: string,
    leaseMs: number,
  ): Promise<ClaimResult> {
    if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0)
      throw new RangeError(`leaseMs must be a positive integer, got ${leaseMs}`);
    const result = await this.scripts.claim(
      [this.keys.competition(id), this.keys.competitionLease(id, leaseName(step))],
      [doneField(step), owner, leaseMs],
    );
    if (!CLAIM_RESULTS.includes(result as ClaimResult))
      throw new Error(`competition claim script returned ${String(result)}`);
    return result as ClaimResult;
  }

  async release(id: string, step: CompetitionStep, owner: string): Promise<void> {
    await this.scripts.release([this.keys.competitionLease(id, leaseName(step))], [owner]);
  }

  async markOpened(
    id: string,
    round: number,
    opened: { openedAt: string; closesAt: string; message: PostedRef },
  ): Promise<RoundState | null> {
    checkRound(round);
    const closesMs = Date.parse(opened.closesAt);
    if (Number.isNaN(closesMs)) throw new RangeError(`bad closesAt ${opened.closesAt}`);
    const key = this.keys.competition(id);
    const stored = await this.scripts.opened(
      [key, this.keys.competitionLease(id, leaseName({ step: 'open', round }))],
      [round, JSON.stringify(opened), closesMs],
    );
    if (typeof stored !== 'string') return null;
    return (await this.get(id))?.rounds[round] ?? null;
  }

  async submit(
    id: string,
    round: number,
    answer: RoundAnswer,
    nowMs: number,
  ): Promise<SubmitResult> {
    checkRound(round);
    const result = await this.scripts.submit(
      [this.keys.competition(id), this.keys.competitionAnswers(id, round)],
      [round, answer.player, JSON.stringify(answer), nowMs],
    );
    if (!SUBMIT_RESULTS.includes(result as SubmitResult))
      throw new Error(`competition submit script returned ${String(result)}`);
    return result as SubmitResult;
  }

  async closeRound(id: string, round: number): Promise<boolean> {
    checkRound(round);
    return Number(await this.scripts.close([this.keys.competition(id)], [round])) === 1;
  }

  async markPosted(id: string, step: Exclude<CompetitionStep, { step: 'open' }>): Promise<void> {
    await this.scripts.posted(
      [this.keys.competition(id), this.keys.competitionLease(id, leaseName(step))],
      [doneField(step)],
    );
  }

  async answers(id: string, round: number): Promise<RoundAnswer[]> {
    const key = this.keys.competitionAnswers(id, round);
    const fields = await this.redis.hgetall(key);
    return Object.entries(fields)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([player, raw]) => decode(roundAnswerSchema, raw, `${key} field ${player}`));
  }

  async end(id: string, state: 'finished' | 'stopped', at: string): Promise<boolean> {
    const key = this.keys.competition(id);
    const json = await this.redis.hget(key, 'json');
    if (json === null) return false;
    const plan = decode(planSchema, json, key);
    const ended =
      Number(
        await this.scripts.end(
          [key, this.keys.channelCompetition(plan.channel), this.keys.runningCompetitions()],
          [id, state, at],
        ),
      ) === 1;
    if (ended) {
      // Records of an ended competition are kept a while, then go by themselves.
      const pipeline = this.redis.pipeline().pexpire(key, ENDED_RETENTION_MS);
      plan.items.forEach((_, i) =>
        pipeline.pexpire(this.keys.competitionAnswers(id, i), ENDED_RETENTION_MS),
      );
      await pipeline.exec();
    }
    return ended;
  }
}

function checkRound(round: number): void {
  if (!Number.isSafeInteger(round) || round < 0) throw new RangeError(`bad round ${round}`);
}
