/**
 * Forming a stage's panels when it has none (see assignment-suggestion.ts for the guarantees): as many
 * panels as the minimum allows, conflicted experts grouped, the rest placed where their specialties
 * serve applicants; then repaired so that no applicant is left without a conflict-free panel merely
 * because of how experts were grouped.
 */
import type { Message, NewPanelPlan, Suggestion, SuggestionExpert, SuggestionApplicant, SuggestionInput, WorkPanel } from './assignment-suggestion';

const K = 'panels.suggest.';

/** Forms panels from the available experts. */
export function formPanels(
  input: SuggestionInput,
  minExperts: number,
  conflicted: Map<string, Set<string>>,
  notes: Message[],
): WorkPanel[] {
  const available = input.experts.filter((e) => e.available);
  if (available.length < minExperts) {
    notes.push({ key: `${K}note.tooFewExperts`, params: { available: available.length, minimum: minExperts } });
    return [];
  }
  const count = Math.max(1, Math.min(input.applicants.length, Math.floor(available.length / minExperts)));
  const capacity = Array.from({ length: count }, (_, i) => Math.floor(available.length / count) + (i < available.length % count ? 1 : 0));
  const members: string[][] = Array.from({ length: count }, () => []);
  const conflictsOf = new Map<string, Set<string>>(); // expert → applicants
  for (const [applicantId, expertIds] of conflicted) {
    for (const e of expertIds) {
      let set = conflictsOf.get(e);
      if (!set) conflictsOf.set(e, (set = new Set()));
      set.add(applicantId);
    }
  }
  const sectionCount = new Map<string, number>();
  for (const e of available) for (const s of e.specialties) sectionCount.set(s, (sectionCount.get(s) ?? 0) + 1);
  const withConflicts = available.filter((e) => (conflictsOf.get(e.id)?.size ?? 0) > 0).sort((a, b) => (conflictsOf.get(b.id)!.size - conflictsOf.get(a.id)!.size) || cmp(a.id, b.id));
  const others = available
    .filter((e) => (conflictsOf.get(e.id)?.size ?? 0) === 0)
    // Experts with rare specialties first, so they are spread before the common ones fill the panels.
    .sort((a, b) => rarity(a, sectionCount) - rarity(b, sectionCount) || cmp(a.id, b.id));

  const open = (i: number) => members[i]!.length < capacity[i]!;
  for (const e of withConflicts) {
    const mine = conflictsOf.get(e.id)!;
    let best = -1;
    let bestOverlap = -1;
    for (let i = 0; i < count; i++) {
      if (!open(i)) continue;
      const overlap = members[i]!.reduce((n, m) => n + [...(conflictsOf.get(m) ?? [])].filter((a) => mine.has(a)).length, 0);
      if (overlap > bestOverlap || (overlap === bestOverlap && members[i]!.length < members[best]!.length)) {
        best = i;
        bestOverlap = overlap;
      }
    }
    members[best]!.push(e.id);
  }
  const expertById = new Map(available.map((e) => [e.id, e]));
  // Each expert goes where their specialties serve the most applicants not yet served there (an applicant
  // in conflict with a member cannot use that panel), then where they add the most new sections.
  const served = (i: number, e: SuggestionExpert) =>
    input.applicants.filter((a) => {
      if (!e.specialties.includes(a.section)) return false;
      const blocked = conflicted.get(a.id);
      return !members[i]!.some((m) => blocked?.has(m) || expertById.get(m)!.specialties.includes(a.section));
    }).length;
  for (const e of others) {
    let best = -1;
    let bestGain: [number, number] = [-1, -1];
    for (let i = 0; i < count; i++) {
      if (!open(i)) continue;
      const covered = new Set(members[i]!.flatMap((m) => expertById.get(m)!.specialties));
      const gain: [number, number] = [served(i, e), e.specialties.filter((s) => !covered.has(s)).length];
      const better = gain[0] > bestGain[0] || (gain[0] === bestGain[0] && (gain[1] > bestGain[1] || (gain[1] === bestGain[1] && members[i]!.length < members[best]!.length)));
      if (better) {
        best = i;
        bestGain = gain;
      }
    }
    members[best]!.push(e.id);
  }

  notes.push({ key: `${K}note.formedPanels`, params: { panels: count, experts: available.length, minimum: minExperts } });
  return members.map((ids, i) => ({ ref: { kind: 'new', key: `new-${i + 1}` }, name: input.newPanelName(i + 1), memberIds: ids, load: 0, eligible: true }));
}

export function describeNewPanels(
  panels: readonly WorkPanel[],
  conflicted: Map<string, Set<string>>,
  experts: Map<string, SuggestionExpert>,
  nameOf: (id: string) => string,
  newPanels: NewPanelPlan[],
  panelReasons: Suggestion['panelReasons'],
): void {
  const withConflicts = new Set([...conflicted.values()].flatMap((set) => [...set]));
  for (const panel of panels) {
    if (panel.ref.kind !== 'new') continue;
    newPanels.push({ key: panel.ref.key, name: panel.name, leaderExpertId: null, memberIds: [...panel.memberIds] });
    const sections = [...new Set(panel.memberIds.flatMap((m) => experts.get(m)?.specialties ?? []))].sort();
    const reasons: Message[] = [{ key: `${K}panel.formed`, params: { size: panel.memberIds.length, sections: sections.join(', ') || '-' } }];
    const grouped = panel.memberIds.filter((m) => withConflicts.has(m));
    if (grouped.length > 1) reasons.push({ key: `${K}panel.conflictsGrouped`, params: { experts: grouped.map(nameOf).join('、') } });
    panelReasons.push({ panel: panel.ref, reasons });
  }
}


/**
 * Formed panels may leave an applicant without a conflict-free panel although enough experts are free
 * of conflict with it. For each such applicant (while that helps): take the panel with most experts
 * free for it, swap its conflicted members with free experts of other panels, and move any left over
 * to the smallest other panel (or off the only panel). A change is kept only when fewer applicants
 * are left without a panel, so the loop ends.
 */
export function repairFormation(
  input: SuggestionInput,
  minExperts: number,
  conflicted: Map<string, Set<string>>,
  panels: WorkPanel[],
  notes: Message[],
  nameOf: (id: string) => string,
): void {
  const available = input.experts.filter((e) => e.available);
  const stranded = () => allowedPanels(input.applicants, panels, conflicted).filter((list) => list.length === 0).length;
  const tried = new Set<string>();
  const benched: string[] = [];
  for (;;) {
    const allowed = allowedPanels(input.applicants, panels, conflicted);
    const current = allowed.filter((list) => list.length === 0).length;
    const target = input.applicants.find((a, i) => {
      if (allowed[i]!.length > 0 || tried.has(a.id)) return false;
      const blocked = conflicted.get(a.id) ?? new Set<string>();
      return available.filter((e) => !blocked.has(e.id)).length >= minExperts;
    });
    if (!target || panels.length === 0) break;
    tried.add(target.id);
    const blocked = conflicted.get(target.id)!;
    const snapshot = panels.map((p) => [...p.memberIds]);
    const free = (p: WorkPanel) => p.memberIds.filter((m) => !blocked.has(m)).length;
    const home = panels.reduce((best, p) => (free(p) > free(best) ? p : best), panels[0]!);
    const moved: string[] = [];
    for (const member of home.memberIds.filter((m) => blocked.has(m))) {
      const donor = panels.find((q) => q !== home && q.memberIds.some((m) => !blocked.has(m)));
      const index = home.memberIds.indexOf(member);
      if (donor) {
        const incoming = donor.memberIds.find((m) => !blocked.has(m))!;
        donor.memberIds[donor.memberIds.indexOf(incoming)] = member;
        home.memberIds[index] = incoming;
      } else {
        home.memberIds.splice(index, 1);
        const smallest = panels.filter((q) => q !== home).sort((x, y) => x.memberIds.length - y.memberIds.length)[0];
        if (smallest) smallest.memberIds.push(member);
        else moved.push(member);
      }
    }
    if (home.memberIds.length >= minExperts && stranded() < current) {
      benched.push(...moved);
      continue;
    }
    panels.forEach((p, i) => (p.memberIds = snapshot[i]!));
  }
  if (benched.length > 0) notes.push({ key: `${K}note.benchedForConflicts`, params: { experts: benched.map(nameOf).join('、') } });
}


/** How many available experts share this expert's rarest specialty (no specialty sorts last). */
function rarity(e: SuggestionExpert, counts: Map<string, number>): number {
  return e.specialties.length === 0 ? Number.MAX_SAFE_INTEGER : Math.min(...e.specialties.map((s) => counts.get(s) ?? 0));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** For each applicant, the eligible panels without a member in conflict with it. */
export function allowedPanels(applicants: readonly SuggestionApplicant[], eligible: WorkPanel[], conflicted: Map<string, Set<string>>): WorkPanel[][] {
  return applicants.map((a) => {
    const blocked = conflicted.get(a.id) ?? new Set<string>();
    return eligible.filter((p) => !p.memberIds.some((m) => blocked.has(m)));
  });
}
