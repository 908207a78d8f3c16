/**
 * Suggests which panel scores each unassigned applicant of a stage: a pure function over plain data
 * (no database, no clock), so its guarantees can be property-tested.
 *
 * Guarantees:
 * - a confirmed conflict is never broken: an applicant never goes to a panel with a conflicted member;
 * - every applicant placed gets a panel of at least `minExperts` experts; one that no panel can take
 *   is listed in `unassignable` with the reason;
 * - workload first: the plan minimises the sum of squared panel loads (applicants per panel, which is
 *   every member's load, since an expert sits on one panel per stage). On these assignment problems
 *   that is the most even spread possible (max − min load is minimal; ≤ 1 whenever conflicts allow);
 * - then specialties: among the most even plans, as many applicants as possible go to a panel with a
 *   member whose specialties include the applicant's industry section.
 *
 * When the stage has no panel yet, panels are formed first from the available experts: as many as
 * the minimum allows (never more than there are applicants), sizes differing by at most one, experts
 * conflicted with the same applicants grouped together (so the other panels stay free for them), the
 * rest spread so that each panel covers as many sections as possible.
 */
import { MinCostFlow } from './min-cost-flow';
import { allowedPanels, describeNewPanels, formPanels, repairFormation } from './panel-formation';

export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

export interface SuggestionExpert {
  id: string;
  name: string;
  specialties: readonly string[];
  /** Available for this stage. */
  available: boolean;
}

export interface SuggestionApplicant {
  id: string;
  name: string;
  section: string;
}

export interface SuggestionPanel {
  id: string;
  name: string;
  memberIds: readonly string[];
  /** Applicants already assigned (their count is the panel's current load). */
  applicantIds: readonly string[];
}

export interface SuggestionInput {
  minExperts: number;
  experts: readonly SuggestionExpert[];
  /** The applicants still to place. */
  applicants: readonly SuggestionApplicant[];
  /** The stage's existing panels; when empty, panels are formed. */
  panels: readonly SuggestionPanel[];
  /** Confirmed conflicts only. */
  conflicts: readonly { expertId: string; applicantId: string }[];
  /** Display name of the n-th new panel (1-based), from the locale files. */
  newPanelName: (n: number) => string;
}

export type PanelRef = { kind: 'existing'; panelId: string } | { kind: 'new'; key: string };

export interface NewPanelPlan {
  key: string;
  name: string;
  leaderExpertId: string | null;
  memberIds: string[];
}

export interface Suggestion {
  complete: boolean;
  plan: { newPanels: NewPanelPlan[]; assignments: { applicantId: string; panel: PanelRef }[] };
  choices: { applicantId: string; panel: PanelRef; reasons: Message[] }[];
  panelReasons: { panel: PanelRef; reasons: Message[] }[];
  unassignable: { applicantId: string; reason: Message }[];
  loads: { expertId: string; before: number; after: number }[];
  notes: Message[];
}

const K = 'panels.suggest.';

export interface WorkPanel {
  ref: PanelRef;
  name: string;
  memberIds: string[];
  load: number;
  eligible: boolean;
}

const refKey = (ref: PanelRef) => (ref.kind === 'existing' ? `e:${ref.panelId}` : `n:${ref.key}`);

export function suggestAssignment(input: SuggestionInput): Suggestion {
  const minExperts = Math.max(1, Math.floor(input.minExperts));
  const experts = new Map(input.experts.map((e) => [e.id, e]));
  const conflicted = new Map<string, Set<string>>(); // applicant → experts
  for (const c of input.conflicts) {
    let set = conflicted.get(c.applicantId);
    if (!set) conflicted.set(c.applicantId, (set = new Set()));
    set.add(c.expertId);
  }
  const notes: Message[] = [];
  const panelReasons: Suggestion['panelReasons'] = [];
  const newPanels: NewPanelPlan[] = [];
  const nameOf = (id: string) => experts.get(id)?.name ?? id;

  let panels: WorkPanel[];
  if (input.applicants.length === 0) {
    notes.push({ key: `${K}note.nothingToAssign` });
    panels = [];
  } else if (input.panels.length > 0) {
    panels = input.panels.map((p) => ({
      ref: { kind: 'existing', panelId: p.id },
      name: p.name,
      memberIds: [...p.memberIds],
      load: p.applicantIds.length,
      eligible: p.memberIds.length >= minExperts,
    }));
    for (const p of input.panels) {
      if (p.memberIds.length < minExperts) notes.push({ key: `${K}note.panelTooSmall`, params: { panel: p.name, size: p.memberIds.length, minimum: minExperts } });
      for (const id of p.memberIds) if (experts.get(id)?.available === false) notes.push({ key: `${K}note.memberUnavailable`, params: { panel: p.name, expert: nameOf(id) } });
    }
  } else {
    panels = formPanels(input, minExperts, conflicted, notes);
    repairFormation(input, minExperts, conflicted, panels, notes, nameOf);
    describeNewPanels(panels, conflicted, experts, nameOf, newPanels, panelReasons);
  }

  const eligible = panels.filter((p) => p.eligible);
  const allowed = allowedPanels(input.applicants, eligible, conflicted);

  const unassignable: Suggestion['unassignable'] = [];
  input.applicants.forEach((a, i) => {
    if (allowed[i]!.length > 0) return;
    unassignable.push({ applicantId: a.id, reason: unassignableReason(input, a, minExperts, eligible, panels.length, conflicted, nameOf) });
  });

  const chosen = distribute(input.applicants, allowed, eligible, experts);
  for (const panel of chosen) if (panel) panel.load += 1;

  const choices: Suggestion['choices'] = [];
  const assignments: Suggestion['plan']['assignments'] = [];
  input.applicants.forEach((a, i) => {
    const panel = chosen[i];
    if (!panel) return;
    assignments.push({ applicantId: a.id, panel: panel.ref });
    choices.push({ applicantId: a.id, panel: panel.ref, reasons: explainChoice(a, panel, allowed[i]!, eligible, minExperts, conflicted, experts, nameOf) });
  });

  for (const plan of newPanels) {
    const panel = panels.find((p) => p.ref.kind === 'new' && p.ref.key === plan.key)!;
    const placed = input.applicants.filter((_, i) => chosen[i] === panel);
    const leader = pickLeader(plan.memberIds, placed, experts);
    plan.leaderExpertId = leader.id;
    panelReasons.find((r) => refKey(r.panel) === refKey(panel.ref))!.reasons.push({
      key: `${K}panel.leader`,
      params: { expert: nameOf(leader.id), matches: leader.matches, applicants: placed.length },
    });
  }

  const before = new Map<string, number>();
  for (const p of input.panels) for (const m of p.memberIds) before.set(m, p.applicantIds.length);
  const loads = panels.flatMap((p) => p.memberIds.map((m) => ({ expertId: m, before: before.get(m) ?? 0, after: p.load })));

  return {
    complete: unassignable.length === 0,
    plan: { newPanels, assignments },
    choices,
    panelReasons,
    unassignable,
    loads,
    notes,
  };
}



function matches(panel: WorkPanel, section: string, experts: Map<string, SuggestionExpert>): string[] {
  return panel.memberIds.filter((m) => experts.get(m)?.specialties.includes(section));
}

/**
 * Min-cost flow: applicant → allowed panel (cost 1 when no member knows the section) → sink through one
 * unit arc per extra applicant, the k-th costing BIG × (2·(load + k) + 1), the increase of load².
 * BIG exceeds the largest possible mismatch total, so evenness always wins over specialties.
 */
function distribute(
  applicants: readonly SuggestionApplicant[],
  allowed: WorkPanel[][],
  panels: WorkPanel[],
  experts: Map<string, SuggestionExpert>,
): (WorkPanel | undefined)[] {
  const n = applicants.length;
  const chosen: (WorkPanel | undefined)[] = new Array(n).fill(undefined);
  if (n === 0 || panels.length === 0) return chosen;
  const BIG = n + 1;
  const source = 0;
  const sink = 1;
  const applicantNode = (i: number) => 2 + i;
  const panelNode = (j: number) => 2 + n + j;
  const flow = new MinCostFlow(2 + n + panels.length);
  const panelIndex = new Map(panels.map((p, j) => [p, j]));
  const arcs: { applicant: number; panel: number; arc: number }[] = [];
  const demand = new Array<number>(panels.length).fill(0);
  allowed.forEach((list, i) => {
    if (list.length === 0) return;
    flow.addArc(source, applicantNode(i), 1, 0);
    for (const p of list) {
      const j = panelIndex.get(p)!;
      demand[j]! += 1;
      const cost = matches(p, applicants[i]!.section, experts).length > 0 ? 0 : 1;
      arcs.push({ applicant: i, panel: j, arc: flow.addArc(applicantNode(i), panelNode(j), 1, cost) });
    }
  });
  panels.forEach((p, j) => {
    for (let k = 0; k < demand[j]!; k++) flow.addArc(panelNode(j), sink, 1, BIG * (2 * (p.load + k) + 1));
  });
  flow.run(source, sink);
  for (const { applicant, panel, arc } of arcs) if (flow.flowOn(arc) > 0) chosen[applicant] = panels[panel];
  return chosen;
}

function unassignableReason(
  input: SuggestionInput,
  applicant: SuggestionApplicant,
  minExperts: number,
  eligible: WorkPanel[],
  panelCount: number,
  conflicted: Map<string, Set<string>>,
  nameOf: (id: string) => string,
): Message {
  const blocked = conflicted.get(applicant.id) ?? new Set<string>();
  const free = input.experts.filter((e) => e.available && !blocked.has(e.id)).length;
  if (panelCount === 0 || free < minExperts) {
    return { key: `${K}reason.tooFewExperts`, params: { applicant: applicant.name, available: free, minimum: minExperts } };
  }
  if (eligible.length === 0) return { key: `${K}reason.noPanelLargeEnough`, params: { applicant: applicant.name, minimum: minExperts } };
  const detail = eligible.map((p) => `${p.name}: ${p.memberIds.filter((m) => blocked.has(m)).map(nameOf).join('、')}`).join('; ');
  return { key: `${K}reason.allPanelsConflicted`, params: { applicant: applicant.name, panels: detail } };
}

function explainChoice(
  applicant: SuggestionApplicant,
  panel: WorkPanel,
  allowed: WorkPanel[],
  eligible: WorkPanel[],
  minExperts: number,
  conflicted: Map<string, Set<string>>,
  experts: Map<string, SuggestionExpert>,
  nameOf: (id: string) => string,
): Message[] {
  const reasons: Message[] = [
    { key: `${K}why.minExperts`, params: { panel: panel.name, experts: panel.memberIds.length, minimum: minExperts } },
    { key: `${K}why.balanced`, params: { panel: panel.name, load: panel.load } },
  ];
  const specialists = matches(panel, applicant.section, experts);
  if (specialists.length > 0) {
    reasons.push({ key: `${K}why.specialty`, params: { section: applicant.section, experts: specialists.map(nameOf).join('、') } });
  } else if (allowed.some((p) => matches(p, applicant.section, experts).length > 0)) {
    reasons.push({ key: `${K}why.specialtyTradedForBalance`, params: { section: applicant.section } });
  } else {
    reasons.push({ key: `${K}why.noSpecialist`, params: { section: applicant.section } });
  }
  const blocked = conflicted.get(applicant.id);
  if (blocked) {
    for (const p of eligible) {
      const names = p.memberIds.filter((m) => blocked.has(m));
      if (names.length > 0) reasons.push({ key: `${K}why.conflictAvoided`, params: { panel: p.name, experts: names.map(nameOf).join('、') } });
    }
  }
  return reasons;
}

/** The member whose specialties cover most of the panel's applicants; ties go to the first listed. */
function pickLeader(memberIds: readonly string[], placed: readonly SuggestionApplicant[], experts: Map<string, SuggestionExpert>): { id: string; matches: number } {
  let best = { id: memberIds[0]!, matches: -1 };
  for (const m of memberIds) {
    const specialties = experts.get(m)?.specialties ?? [];
    const count = placed.filter((a) => specialties.includes(a.section)).length;
    if (count > best.matches) best = { id: m, matches: count };
  }
  return best;
}
