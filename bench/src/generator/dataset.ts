import { createHash } from 'node:crypto';
import { clockProjection } from '@xinfang/domain/casework/clock-projection';
import { createWorkCalendar } from '@xinfang/domain/clocks/work-calendar';
import { petitionSearchText, tsvectorText } from '@xinfang/domain/search/search-tokens';
import { generateTrackingCode } from '@xinfang/domain/tracking-code';
import type { PetitionEvent } from '@xinfang/domain/workflow/petition-event';
import { createSeededRandom, seededBytes } from '@xinfang/db/seed';
import { protectMobile, type PersonalDataKeys } from '@xinfang/security/personal-data';
import { buildPath, pathKinds, pick, shanghaiDayOf, type Cast, type Template } from './templates.ts';
import { fillers, rarePhrases, topics } from './vocabulary.ts';

export interface Place {
  id: string;
  path: string;
  nameZh: string;
}

export interface StreetPlace extends Place {
  communities: Place[];
}

/** What the generator needs of the database it fills: units and the cast of staff (already inserted). */
export interface Setting {
  district: Place;
  streets: StreetPlace[];
  cast: Cast;
  /** registers walk-ins, letters and calls */
  officerId: string;
}

export interface GeneratorOptions {
  petitions: number;
  seed: number;
  /** the data set covers the 3 years before this instant; open matters' clocks are computed as of it */
  asOf: Date;
  keys: PersonalDataKeys;
  /** how many petitions per emitted batch */
  batchSize?: number;
  /** the first petition_events id to use (ids already taken by the demo seed come before it) */
  firstEventId?: number;
}

export type Cell = string | number | boolean | null | undefined;

/** The tables the generator fills, with their columns in COPY order. */
export const tableColumns = {
  petitioners: ['id', 'kind', 'name', 'mobile_cipher', 'mobile_hash', 'mobile_masked', 'mobile_last4_hash', 'created_at'],
  visits: ['id', 'hall_unit_id', 'arrived_at', 'person_count', 'is_collective', 'guided_online', 'staff_present', 'registered_by', 'created_at'],
  petitions: [
    'id', 'tracking_code', 'version', 'status', 'channel', 'kiosk_assisted', 'petition_class', 'claim_route', 'summary', 'content', 'request',
    'petitioner_id', 'is_collective', 'headcount', 'hall_unit_id', 'street_unit_id', 'community_unit_id', 'handling_unit_id', 'scope_path',
    'received_at', 'registered_at', 'registered_by', 'due_at', 'light', 'clocks', 'updated_at', 'responsible_path', 'visit_id',
  ],
  petition_petitioners: ['petition_id', 'petitioner_id', 'is_representative'],
  petition_events: ['id', 'petition_id', 'sequence', 'type', 'actor_id', 'actor_role', 'actor_unit_id', 'occurred_at', 'recorded_at', 'payload'],
  petition_search: ['petition_id', 'tokens'],
} as const;
export type TableName = keyof typeof tableColumns;

/** One batch of rows in PostgreSQL's COPY text format, per table. */
export type Batch = Record<TableName, string>;

export interface GeneratedSummary {
  petitions: number;
  petitioners: number;
  visits: number;
  events: number;
  openPetitions: number;
  collective: number;
  repeatPetitions: number;
}

const dayMs = 86_400_000;

const needsEscape = /[\\\t\n\r]/;

/** COPY text format: backslash, tab, newline and carriage return escaped; \N for null. */
export function copyField(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (!needsEscape.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (character) => (character === '\\' ? '\\\\' : character === '\t' ? '\\t' : character === '\n' ? '\\n' : '\\r'));
}

function row(cells: readonly Cell[]): string {
  return `${cells.map(copyField).join('\t')}\n`;
}

/**
 * A UUIDv7-shaped id (48 bits of milliseconds, then seeded random bits): time-ordered like the ids modern apps
 * generate, so a chronological bulk load appends to the primary-key indexes rather than splitting pages all over
 * them. Deterministic for a seed.
 */
function uuidFrom(random: () => number, atMs: number): string {
  const hex = (count: number) => {
    let out = '';
    for (let index = 0; index < count; index++) out += Math.floor(random() * 16).toString(16);
    return out;
  };
  const time = Math.floor(atMs).toString(16).padStart(12, '0');
  const variant = (8 + Math.floor(random() * 4)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

/** Deterministic personal-data keys for benchmark databases only (never for real data). */
export function benchKeyMaterial(): { dataKeys: string; hashKey: string } {
  const key = createHash('sha256').update('xinfang-bench-data-key').digest('base64');
  const hashKey = createHash('sha256').update('xinfang-bench-hash-key').digest('base64');
  return { dataKeys: `bench:${key}`, hashKey };
}

/** Received instants over the 3 years before `asOf`, weekdays 4× busier than weekends, 08:30–17:30 Shanghai, sorted. */
function receivedInstants(count: number, asOf: Date, random: () => number): Float64Array {
  const lastDayStart = Date.parse(`${shanghaiDayOf(asOf.getTime())}T00:00:00+08:00`);
  const days = 3 * 365;
  const cumulative = new Float64Array(days);
  let total = 0;
  for (let index = 0; index < days; index++) {
    const start = lastDayStart - (days - 1 - index) * dayMs;
    const weekday = new Date(start + 8 * 3_600_000).getUTCDay();
    total += weekday === 0 || weekday === 6 ? 1 : 4;
    cumulative[index] = total;
  }
  const instants = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const roll = random() * total;
    let low = 0;
    let high = days - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < roll) low = middle + 1;
      else high = middle;
    }
    const start = lastDayStart - (days - 1 - low) * dayMs;
    instants[index] = start + 30_600_000 + Math.floor(random() * 32_400_000);
  }
  instants.sort();
  // nothing after the as-of instant (today's matters arrive before it)
  for (let index = 0; index < count; index++) instants[index] = Math.min(instants[index]!, asOf.getTime() - (count - index));
  return instants;
}

function fillTemplate(parts: readonly string[], dynamics: readonly ('instant' | 'day')[], at: number): string {
  if (dynamics.length === 0) return parts[0]!;
  let json = parts[0]!;
  for (let index = 0; index < dynamics.length; index++) {
    json += `"${dynamics[index] === 'instant' ? new Date(at).toISOString() : shanghaiDayOf(at)}"${parts[index + 1]!}`;
  }
  return json;
}

/**
 * Generates the data set in batches, calling `emit` with each batch's COPY text per table (in an order that keeps
 * every reference pointing backwards). Deterministic for a seed, except the AES-GCM nonces of encrypted mobiles.
 */
export async function generateDataset(setting: Setting, options: GeneratorOptions, emit: (batch: Batch) => Promise<void>): Promise<GeneratedSummary> {
  const random = createSeededRandom(options.seed);
  const bytes = seededBytes(random);
  const calendar = createWorkCalendar();
  const { cast } = setting;
  const templateRandom = createSeededRandom(options.seed ^ 0x5eed);
  const byDepartment: Template[][] = cast.departmentIds.map((_, department) =>
    Array.from({ length: 40 }, () => buildPath(pick(templateRandom, pathKinds), department, cast, templateRandom)),
  );
  const diversions: Template[] = Array.from({ length: 60 }, () => buildPath('diversion', Math.floor(templateRandom() * cast.departmentIds.length), cast, templateRandom));
  const topicWeights = topics.map((topic, index) => [index, topic.weight] as const);
  const instants = receivedInstants(options.petitions, options.asOf, random);
  const asOfMs = options.asOf.getTime();
  const trackingCodes = new Set<string>();
  const petitionerIds: string[] = [];
  const summary: GeneratedSummary = { petitions: 0, petitioners: 0, visits: 0, events: 0, openPetitions: 0, collective: 0, repeatPetitions: 0 };
  let eventId = options.firstEventId ?? 1;
  const batchSize = options.batchSize ?? 2000;
  const empty = (): Batch => ({ petitioners: '', visits: '', petitions: '', petition_petitioners: '', petition_events: '', petition_search: '' });
  let batch = empty();
  // The text of a matter is one of a few thousand combinations around its number: the lexemes of a text are those
  // of its parts plus the pairs across the cuts, so the parts' tokens are computed once (PostgreSQL merges duplicate
  // lexemes). The first petitions are checked against the whole text's tokens.
  const partTokens = new Map<string, string>();
  const cached = (text: string) => {
    let tokens = partTokens.get(text);
    if (tokens === undefined) {
      tokens = tsvectorText(text);
      partTokens.set(text, tokens);
    }
    return tokens;
  };
  const searchTokens = (summaryText: string, before: string, number: number, after: string, request: string): string => {
    const head = `${summaryText} ${before}`;
    const tail = `${after} ${request}`;
    const tokens = `${cached(head)} ${cached(tail)} ${tsvectorText(`${head.slice(-1)}${number}${tail.slice(0, 1)}`)}`;
    if (number <= 200) {
      const whole = new Set(tsvectorText(petitionSearchText({ summary: summaryText, content: `${before}${number}${after}`, request })).split(' '));
      const composed = new Set(tokens.split(' '));
      if (whole.size !== composed.size || [...whole].some((lexeme) => !composed.has(lexeme))) throw new Error(`search tokens composed wrongly for petition ${number}`);
    }
    return tokens;
  };

  const newPetitioner = (namePrefix: string, createdAt: number): string => {
    const id = uuidFrom(random, createdAt);
    const number = summary.petitioners + 1;
    const mobile = `1990${String(number).padStart(7, '0')}`;
    const protectedMobile = protectMobile(options.keys, mobile);
    const organisation = namePrefix === '合成信访人' && random() < 0.03;
    batch.petitioners += row([
      id,
      organisation ? 'organisation' : 'person',
      organisation ? `合成单位${String(number).padStart(7, '0')}` : `${namePrefix}${String(number).padStart(7, '0')}`,
      protectedMobile.cipher,
      protectedMobile.hash,
      protectedMobile.masked,
      protectedMobile.last4Hash,
      new Date(createdAt).toISOString(),
    ]);
    summary.petitioners++;
    return id;
  };

  for (let index = 0; index < options.petitions; index++) {
    const receivedAt = instants[index]!;
    const receivedIso = new Date(receivedAt).toISOString();
    const petitionId = uuidFrom(random, receivedAt);
    let trackingCode = generateTrackingCode(bytes);
    while (trackingCodes.has(trackingCode)) trackingCode = generateTrackingCode(bytes);
    trackingCodes.add(trackingCode);

    // about 30% of matters come from someone who petitioned before (recent petitioners more likely)
    let petitionerId: string;
    if (petitionerIds.length > 0 && random() < 0.3) {
      const back = Math.floor(petitionerIds.length * random() ** 3);
      petitionerId = petitionerIds[petitionerIds.length - 1 - back]!;
      summary.repeatPetitions++;
    } else {
      petitionerId = newPetitioner('合成信访人', receivedAt);
      petitionerIds.push(petitionerId);
    }

    const street = setting.streets[Math.floor(random() * setting.streets.length)]!;
    const community = street.communities[Math.floor(random() * street.communities.length)]!;
    const atDistrictHall = random() < 0.4;
    const hall = atDistrictHall ? setting.district : street;
    const channelRoll = random();
    const channel = channelRoll < 0.62 ? 'online' : channelRoll < 0.87 ? 'visit' : channelRoll < 0.95 ? 'letter' : 'phone';
    const kioskAssisted = channel === 'online' && random() < 0.5;
    const collective = channel === 'visit' && random() < 0.05;
    const headcount = collective ? 5 + Math.floor(random() ** 2 * 55) : 1;
    if (collective) summary.collective++;

    let visitId: string | null = null;
    if (channel === 'visit' || kioskAssisted) {
      visitId = uuidFrom(random, receivedAt);
      batch.visits += row([visitId, hall.id, receivedIso, headcount, collective, kioskAssisted, '[]', channel === 'visit' ? setting.officerId : null, receivedIso]);
      summary.visits++;
    }
    const linked: string[] = [petitionerId];
    batch.petition_petitioners += row([petitionId, petitionerId, false]);
    if (collective) {
      for (let representative = 0; representative < Math.min(5, headcount - 1); representative++) {
        const id = newPetitioner('合成代表', receivedAt);
        linked.push(id);
        batch.petition_petitioners += row([petitionId, id, true]);
      }
    }

    const topic = topics[pick(random, topicWeights)]!;
    const rare = random() < 0.002 ? `另外，${rarePhrases[Math.floor(random() * rarePhrases.length)]!}问题也请一并处理。` : '';
    const textSummary = topic.summary;
    const before = `【合成数据】${street.nameZh}${community.nameZh}居民反映：${topic.detail}，${fillers[Math.floor(random() * fillers.length)]!}。${rare}（合成样例第`;
    const after = '号，非真实信访）';
    const content = `${before}${index + 1}${after}`;
    const request = topic.request;

    const litigationPath = topic.litigation ? random() < 0.45 : random() < 0.03;
    const department = random() < 0.8 ? topic.department : Math.floor(random() * cast.departmentIds.length);
    const pool = litigationPath ? diversions : byDepartment[department]!;
    const template = pool[Math.floor(random() * pool.length)]!;

    const registeredBy = channel === 'online' ? null : setting.officerId;
    const registrationActor = channel === 'online' ? { id: null, role: 'petitioner', unit: null } : { id: setting.officerId, role: 'receptionOfficer', unit: setting.district.id };
    const registrationPayload = {
      petitionId,
      trackingCode,
      channel,
      kioskAssisted,
      receivedAt: receivedIso,
      hallUnitId: hall.id,
      summary: textSummary,
      petitionerIds: linked,
      ...(visitId ? { visitId } : {}),
    };
    const registrationJson = JSON.stringify(registrationPayload);
    batch.petition_events += row([eventId++, petitionId, 1, 'registered', registrationActor.id, registrationActor.role, registrationActor.unit, receivedIso, receivedIso, registrationJson]);

    const dayStart = Date.parse(`${shanghaiDayOf(receivedAt)}T09:00:00+08:00`);
    let sequence = 1;
    let lastAt = receivedAt;
    const domainEvents: { type: string; at: number; actor: Template['events'][number]['actor']; payload: string }[] = [];
    for (const event of template.events) {
      let at = dayStart + event.dayOffset * dayMs + event.minute * 60_000;
      if (at <= lastAt) at = lastAt + 60_000;
      if (at > asOfMs) break;
      lastAt = at;
      sequence++;
      const payload = fillTemplate(event.parts, event.dynamics, at);
      const iso = new Date(at).toISOString();
      batch.petition_events += row([eventId++, petitionId, sequence, event.type, event.actor.staffId, event.actor.role, event.actor.unitId, iso, iso, payload]);
      domainEvents.push({ type: event.type, at, actor: event.actor, payload });
    }
    summary.events += sequence;
    const projection = template.projections[sequence - 1]!;
    const finished = ['closed', 'notAccepted', 'withdrawn', 'merged'].includes(projection.status);
    let dueAt: Date | null = null;
    let light: string | null = null;
    let clocks: string | null = null;
    if (!finished) {
      summary.openPetitions++;
      const events = [
        {
          type: 'registered',
          occurredAt: receivedIso,
          actor: { staffId: registrationActor.id, role: registrationActor.role, unitId: registrationActor.unit },
          payload: registrationPayload,
        },
        ...domainEvents.map((event) => ({ type: event.type, occurredAt: new Date(event.at).toISOString(), actor: event.actor, payload: JSON.parse(event.payload) as unknown })),
      ] as PetitionEvent[];
      const computed = clockProjection(events, calendar, options.asOf);
      dueAt = computed.dueAt;
      light = computed.light;
      clocks = JSON.stringify(computed.clocks);
    }
    batch.petitions += row([
      petitionId,
      trackingCode,
      sequence,
      projection.status,
      channel,
      kioskAssisted,
      projection.petitionClass,
      projection.claimRoute,
      textSummary,
      content,
      request,
      petitionerId,
      collective,
      headcount,
      hall.id,
      street.id,
      community.id,
      projection.handlingUnitId,
      street.path,
      receivedIso,
      receivedIso,
      registeredBy,
      dueAt ? dueAt.toISOString() : null,
      light,
      clocks,
      new Date(lastAt).toISOString(),
      projection.responsiblePath,
      visitId,
    ]);
    batch.petition_search += row([petitionId, searchTokens(textSummary, before, index + 1, after, request)]);
    summary.petitions++;
    if ((index + 1) % batchSize === 0) {
      await emit(batch);
      batch = empty();
    }
  }
  await emit(batch);
  return summary;
}

