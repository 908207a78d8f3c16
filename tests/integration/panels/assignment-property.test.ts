/**
 * Property, through the core and a real database: for random registries (experts with specialties
 * and availability, applicants of several industries, confirmed conflicts between them, a minimum
 * panel size), the suggested assignment
 *  - never puts an expert on a panel with an applicant they are in conflict with,
 *  - gives every applicant it places at least the minimum of available experts, and names every
 *    applicant it cannot place,
 *  - spreads the load evenly (within one applicant) when no conflict constrains it,
 * and applying it succeeds (the database triggers agree), with every placement audited.
 * The pure planner has its own 1000-run property test (tests/unit/panels/assignment-suggestion.test.ts);
 * this one covers what the core adds: reading the register, statuses, availability and conflicts.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { AssignmentSuggestion, Panel } from '../../../shared/api/panels';
import { addApplicant, addExpert, auditActions, ok, office, openFixture } from './helpers';

const RUNS = 100;

const registryArb = fc.record({
  applicants: fc.array(fc.constantFrom('C', 'I', 'M'), { minLength: 1, maxLength: 5 }),
  experts: fc.array(fc.record({ specialties: fc.subarray(['C', 'I', 'M'], { minLength: 1 }), available: fc.boolean() }), { minLength: 1, maxLength: 8 }),
  conflicts: fc.array(fc.record({ expert: fc.nat(), applicant: fc.nat() }), { maxLength: 6 }),
  minExperts: fc.integer({ min: 1, max: 3 }),
});

it(`keeps every guarantee over ${RUNS} random registries, through the core`, async () => {
  await fc.assert(
    fc.asyncProperty(registryArb, async (registry) => {
      const f = await openFixture();
      try {
        const division = { C: '34', I: '65', M: '73' } as const;
        const applicantIds: string[] = [];
        for (const [i, section] of registry.applicants.entries()) {
          applicantIds.push(await addApplicant(f, `申报单位${i + 1}有限公司`, `91350100MA2Y${String(i + 1).padStart(4, '0')}K`, section, division[section as keyof typeof division]));
        }
        const experts: { id: string; available: boolean }[] = [];
        for (const [i, expert] of registry.experts.entries()) {
          const availability = { documentReview: expert.available, presentation: true, siteVisit: true };
          experts.push({ id: await addExpert(f, `专家${i + 1}`, { specialties: expert.specialties, availability }), available: expert.available });
        }
        const conflicted = new Set<string>();
        for (const conflict of registry.conflicts) {
          const expertId = experts[conflict.expert % experts.length]!.id;
          const applicantId = applicantIds[conflict.applicant % applicantIds.length]!;
          if (conflicted.has(`${expertId}|${applicantId}`)) continue;
          conflicted.add(`${expertId}|${applicantId}`);
          await ok(f.core.dispatch('conflicts.declare', { expertId, applicantId, kind: 'employment' }, office));
        }

        const suggestion = await ok<AssignmentSuggestion>(f.core.dispatch('panels.suggestAssignment', { cycleId: f.cycleId, stage: 'documentReview', minExperts: registry.minExperts }, office));
        const available = new Set(experts.filter((e) => e.available).map((e) => e.id));
        const membersOf = (ref: { kind: string; key?: string }) => suggestion.plan.newPanels.find((p) => ref.kind === 'new' && p.key === ref.key)?.memberIds ?? [];
        const placed = new Set<string>();
        for (const assignment of suggestion.plan.assignments) {
          const members = membersOf(assignment.panel);
          placed.add(assignment.applicantId);
          for (const member of members) expect(conflicted.has(`${member}|${assignment.applicantId}`), 'conflict broken').toBe(false);
          expect(members.length, 'minimum met').toBeGreaterThanOrEqual(registry.minExperts);
          for (const member of members) expect(available.has(member), 'only available experts').toBe(true);
        }
        const unassignable = suggestion.unassignable.map((u) => u.applicantId);
        expect([...placed, ...unassignable].sort()).toEqual([...applicantIds].sort());
        expect(suggestion.complete).toBe(unassignable.length === 0);
        if (conflicted.size === 0 && suggestion.plan.newPanels.length > 0) {
          const loads = suggestion.loads.filter((l) => available.has(l.expertId)).map((l) => l.after);
          expect(Math.max(...loads) - Math.min(...loads), 'load spread').toBeLessThanOrEqual(1);
        }

        if (suggestion.plan.newPanels.length === 0) return;
        const panels = await ok<Panel[]>(f.core.dispatch('panels.applyPlan', { cycleId: f.cycleId, stage: 'documentReview', plan: suggestion.plan }, office));
        for (const panel of panels) {
          for (const { applicantId } of panel.applicants) {
            for (const { expertId } of panel.members) expect(conflicted.has(`${expertId}|${applicantId}`)).toBe(false);
          }
        }
        expect(auditActions(f.core).filter((a) => a.action === 'panel.assign')).toHaveLength(placed.size);
      } finally {
        f.dispose();
      }
    }),
    { numRuns: RUNS },
  );
}, 600_000);
