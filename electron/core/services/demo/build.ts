/**
 * A complete, realistic award cycle for demonstrations and first starts: about a dozen applicants
 * across industries with full self-assessments, nine experts in three panels, independent scores with
 * some disagreement, consensus for document review and site visit, stage-weighted results, the
 * committee's votes and decisions, and approval with certificate numbers. Deterministic from the seed:
 * ids are random but every text, figure and date comes from the seed and the scripted timeline.
 */
import type { CallContext } from '../../../../shared/api/contract';
import { applicantSchema } from '../../../../shared/domain/applicant';
import { computeCheckCharacter } from '../../../../shared/domain/credit-code';
import { defaultCycleSettings, type CycleSettings } from '../../../../shared/domain/cycle-settings';
import { scoredItems } from '../../../../shared/domain/frameworks';
import { audited, type CoreContext } from '../../context';
import { insertApplicant } from '../applicants';
import { createCycle, cycleContext, updateCycleSettings } from '../cycles';
import { insertExpert, setExpertPin } from '../panels/experts';
import { expertRecordSchema } from '../../../../shared/api/panels';
import { assignToPanel, createPanel } from '../panels/panels';
import { approveCycle, recordDecision } from '../results/decisions';
import { cycleOutcome } from '../results/outcome';
import { itemNarrative, organisationProfile } from './narratives';
import { Random } from './random';
import { agree, itemLevels, scoreSheets, type ScoredApplicant } from './scoring';
import { BRANDS, DISTRICTS, EXPERTS, GIVEN_NAMES, INDUSTRIES, SURNAMES } from './vocabulary';

export interface DemoOptions {
  seed?: number;
  /** How many applicants (default 12; the benchmark asks for 200). */
  applicants?: number;
  year?: number;
  /** Record the committee's decisions and approve (default true). */
  approve?: boolean;
}

export interface DemoSummary {
  cycleId: string;
  applicants: number;
  experts: number;
  certificates: number;
}

export const DEMO_PIN = '2468';

/** A clock the builder moves through the award year; each reading advances one second. */
function timeline(start: string) {
  let now = Date.parse(start);
  return {
    clock: () => new Date((now += 1000)),
    at: (iso: string) => {
      now = Math.max(now, Date.parse(iso));
    },
    next: () => new Date((now += 1000)).toISOString(),
  };
}

function creditCode(random: Random, areaCode: string): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let org = '';
  for (let i = 0; i < 9; i++) org += charset[random.int(0, i === 8 ? 9 : charset.length - 1)];
  const body = `91${areaCode}${org}`;
  return body + computeCheckCharacter(body)!;
}

/** Totals (of 1000) the dozen demo applicants aim at: some for each tier, a tie of levels, some below. */
const CITY_PREFIXES = ['滨海', '滨江', '临港', '东湖'];

const TARGETS = [70, 66, 64, 61, 59, 57, 56, 54, 52, 50, 47, 43];

function settingsFor(year: number): CycleSettings {
  const settings = defaultCycleSettings();
  settings.certificate = { issuingAuthority: '滨海市人民政府', awardName: '滨海市市长质量奖', numberPattern: '{year}-BHZLJ-{seq:03}' };
  settings.tiers = settings.tiers.map((tier) => (tier.id === 'award' ? { ...tier, quota: 3 } : tier));
  settings.totalQuota = 10;
  settings.deadlines = {
    applicationOpens: `${year}-03-01`,
    applicationCloses: `${year}-04-30`,
    eligibilityReviewEnds: `${year}-05-20`,
    documentReviewEnds: `${year}-07-15`,
    presentationEnds: null,
    siteVisitEnds: `${year}-09-30`,
    publicNoticeStarts: `${year}-11-10`,
    publicNoticeEnds: `${year}-11-16`,
  };
  return settings;
}

export async function buildDemo(base: CoreContext, options: DemoOptions = {}, call: CallContext = { actor: 'office' }): Promise<DemoSummary> {
  const random = new Random(options.seed ?? 2026);
  const year = options.year ?? 2026;
  const count = options.applicants ?? 12;
  const time = timeline(`${year}-02-20T01:00:00.000Z`);
  const ctx: CoreContext = { ...base, clock: time.clock };

  const cycle = await createCycle(ctx, { name: `${year}年度滨海市市长质量奖（演示）`, year }, call);
  updateCycleSettings(ctx, cycle.id, settingsFor(year), call);
  const { framework } = cycleContext(ctx, cycle.id);
  const items = scoredItems(framework);
  const itemNames = new Map(items.map((item) => [item.id, item.names['zh-CN']]));

  // Experts, each with the demo PIN so the scoring screens can be tried.
  const expertIds = audited(ctx, (log) => EXPERTS.map((e) => insertExpert(ctx, expertRecordSchema.parse({ ...e, qualificationNumber: `BH-PS-${random.int(1000, 9999)}` }), call, log)));
  for (const id of expertIds) await setExpertPin(ctx, id, DEMO_PIN, call);

  // Applicants with their applications (handed in during April).
  time.at(`${year}-03-05T02:00:00.000Z`);
  const applicants: { id: string; name: string; industry: (typeof INDUSTRIES)[number]; target: number }[] = [];
  audited(ctx, (log) => {
    for (let i = 0; i < count; i++) {
      const industry = INDUSTRIES[i % INDUSTRIES.length]!;
      // (brand, trade) pairs repeat only after 60 applicants; the city prefix then changes, up to 240.
      const brand = BRANDS[(i * 7) % BRANDS.length]!;
      const city = CITY_PREFIXES[Math.floor(i / 60) % CITY_PREFIXES.length]!;
      const serial = i >= 60 * CITY_PREFIXES.length ? String(Math.floor(i / (60 * CITY_PREFIXES.length)) + 1) : '';
      const district = DISTRICTS[i % DISTRICTS.length]!;
      const suffix = industry.section === 'Q' ? '' : i % 3 === 0 ? '集团有限公司' : i % 3 === 1 ? '股份有限公司' : '有限公司';
      const name = industry.section === 'Q' ? `${city}市${brand}${industry.stem}${serial}` : `${city}${brand}${industry.stem}${serial}${suffix}`;
      const employees = random.int(260, 5200);
      const founded = random.int(1988, year - 6);
      const record = applicantSchema.parse({
        legalName: name,
        creditCode: creditCode(random, district.code),
        industry: { section: industry.section, division: industry.division },
        region: district.name,
        areaCode: district.code,
        ownership: industry.section === 'Q' || industry.section === 'D' ? 'stateOwned' : random.pick(['private', 'private', 'mixed', 'foreignInvested']),
        employees,
        revenue: employees * random.int(60, 180),
        registrationDate: `${founded}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
        yearsPractisingExcellence: random.int(3, 10),
        incidents: [],
        previousAwardYears: [],
        contacts: [{ name: `${random.pick(SURNAMES)}${random.pick(GIVEN_NAMES)}`, phone: `0574-8${random.int(1000000, 9999999)}`, email: '' }],
      });
      const id = insertApplicant(ctx, cycle.id, record, call, log);
      const facts = { company: name, brand, year, industry };
      const now = time.next();
      ctx.db.prepare('UPDATE applications SET profile = ?, updated_at = ? WHERE applicant_id = ?').run(organisationProfile(facts, employees, founded, random), now, id);
      const insertItem = ctx.db.prepare('INSERT INTO application_items (applicant_id, item_id, narrative, self_percent, updated_at) VALUES (?, ?, ?, NULL, ?)');
      for (const item of items) insertItem.run(id, item.id, itemNarrative(item.id, item.kind, facts, random), now);
      // Other sizes (the benchmark's 200) spread from 74 % down to 53 %: everyone reaches a tier.
      const target = count === TARGETS.length ? TARGETS[i]! : Math.round(74 - (21 * i) / Math.max(1, count - 1));
      applicants.push({ id, name, industry, target });
    }
  });

  // Submitted, found eligible, into document review.
  time.at(`${year}-05-10T02:00:00.000Z`);
  const move = (to: string, from: string) =>
    audited(ctx, (log) => {
      for (const a of applicants) {
        ctx.db.prepare('UPDATE applicants SET status = ?, updated_at = ? WHERE id = ?').run(to, time.next(), a.id);
        log({ actor: call.actor, action: 'applicant.transition', entityType: 'applicant', entityId: a.id, payload: { from, to } });
        if (to === 'eligible') {
          ctx.db.prepare('INSERT INTO eligibility_decisions (applicant_id, decision, note, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)').run(a.id, 'eligible', '形式审查通过', call.actor, time.next());
          log({ actor: call.actor, action: 'applicant.decideEligibility', entityType: 'applicant', entityId: a.id, payload: { decision: 'eligible', note: '形式审查通过' } });
        }
      }
    });
  move('submitted', 'draft');
  move('eligible', 'submitted');
  move('documentReview', 'eligible');

  const runStage = (stage: 'documentReview' | 'siteVisit', groups: number[][], panelName: (n: number) => string, dates: { scored: string; agreed: string }, shift: number) => {
    time.at(dates.scored);
    const panels = groups.map((group, n) =>
      createPanel(ctx, { cycleId: cycle.id, stage, name: panelName(n), leaderExpertId: expertIds[group[0]!]!, memberIds: group.map((g) => expertIds[g]!) }, call),
    );
    const inputs = applicants.map((a, i) => {
      const panel = panels[(i + shift) % panels.length]!;
      assignToPanel(ctx, panel.id, a.id, call);
      const level = itemLevels(items, a.target + (stage === 'siteVisit' ? random.int(-1, 1) : 0), random);
      const disputed = new Set(random.sample(items.map((item) => item.id), random.int(1, 3)));
      const applicant: ScoredApplicant = { id: a.id, level, industry: a.industry, disputed };
      return { stage, cycleId: cycle.id, applicant, members: panel.members.map((m) => m.expertId), leaderId: panel.leaderExpertId!, items, itemNames, now: time.next };
    });
    const scored = inputs.map((input) => scoreSheets(ctx, input, random));
    time.at(dates.agreed);
    inputs.forEach((input, i) => agree(ctx, input, scored[i]!, random));
  };
  runStage('documentReview', [[0, 1, 2], [3, 4, 5], [6, 7, 8]], (n) => `资料评审第${'一二三'[n]}组`, { scored: `${year}-06-10T01:00:00.000Z`, agreed: `${year}-07-05T06:00:00.000Z` }, 0);
  move('siteVisit', 'documentReview');
  runStage('siteVisit', [[0, 4, 8], [1, 5, 6], [2, 3, 7]], (n) => `现场评审第${'一二三'[n]}组`, { scored: `${year}-09-08T01:00:00.000Z`, agreed: `${year}-09-25T06:00:00.000Z` }, 1);

  let certificates = 0;
  if (options.approve !== false) {
    // The committee (审定委员会, 11 members) follows the arithmetic's tiers; a quota overflow is decided too.
    time.at(`${year}-10-20T02:00:00.000Z`);
    const outcome = cycleOutcome(ctx, cycle.id);
    for (const ranked of outcome.ranking) {
      const tierId = outcome.tierOf.get(ranked.applicantId) ?? null;
      const against = tierId ? random.int(0, 2) : random.int(7, 10);
      const abstain = random.int(0, 1);
      recordDecision(
        ctx,
        {
          applicantId: ranked.applicantId,
          votes: { for: 11 - against - abstain, against, abstain },
          outcome: tierId ?? 'notAwarded',
          note: tierId ? '' : '综合得分未达到奖项设置分数线，本年度不予授奖。',
          meetingDate: `${year}-10-20`,
        },
        call,
      );
    }
    move('decided', 'siteVisit');
    time.at(`${year}-11-20T02:00:00.000Z`);
    certificates = approveCycle(ctx, cycle.id, call).certificates.length;
  }
  return { cycleId: cycle.id, applicants: applicants.length, experts: expertIds.length, certificates };
}
