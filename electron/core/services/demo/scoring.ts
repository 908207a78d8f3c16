/**
 * The demo's scoring: each expert's independent sheet (plausible percents around the applicant's level,
 * with real disagreement on a few items), submitted; then the panel's consensus (the median, with final
 * comments picked from the experts' entries) and key themes. Written in one transaction per panel
 * stage, with an audit entry per sheet and per consensus.
 */
import { randomUUID } from 'node:crypto';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import type { ScoredItem } from '../../../../shared/domain/frameworks';
import { audited, type CoreContext } from '../../context';
import { expertComments } from './comments';
import type { Random } from './random';
import type { IndustryProfile } from './vocabulary';

export interface ScoredApplicant {
  id: string;
  /** Percent per item the panel would agree on (before expert noise). */
  level: Map<string, number>;
  industry: IndustryProfile;
  /** Items the panel disagrees on at this stage. */
  disputed: Set<string>;
}

const clamp = (percent: number) => Math.min(95, Math.max(10, Math.round(percent / 5) * 5));

export function itemLevels(items: readonly ScoredItem[], target: number, random: Random): Map<string, number> {
  return new Map(items.map((item) => [item.id, clamp(target + (item.kind === 'results' ? -3 : 2) + random.int(-2, 2) * 5)]));
}

/** Percents of each member for each item: mostly ±5 around the level; on disputed items one expert far off. */
function sheetPercents(applicant: ScoredApplicant, items: readonly ScoredItem[], members: string[], random: Random): Map<string, Map<string, number>> {
  const sheets = new Map(members.map((m) => [m, new Map<string, number>()]));
  for (const item of items) {
    const level = applicant.level.get(item.id)!;
    const outlier = applicant.disputed.has(item.id) ? random.int(0, members.length - 1) : -1;
    members.forEach((expertId, i) => {
      const offset = i === outlier ? (random.chance(0.5) ? 1 : -1) * random.int(4, 5) * 5 : random.pick([-5, 0, 0, 5]);
      sheets.get(expertId)!.set(item.id, clamp(level + offset));
    });
  }
  return sheets;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : clamp((sorted[mid - 1]! + sorted[mid]!) / 2);
};

const THEMES: readonly string[] = [
  '高层领导重视卓越绩效管理，战略目标清晰并有效分解，{tech}形成了明显的竞争优势。',
  '以顾客为中心的理念贯穿{p1}至{p3}的全过程，顾客满意度和市场占有率持续提升。',
  '{digital}为绩效测量和知识管理提供了有力支撑，改进创新氛围浓厚。',
  '部分管理方法在分子公司的展开和系统评价不足，结果指标的标杆对比有待加强。',
];

export interface PanelStageInput {
  stage: StageId;
  cycleId: string;
  applicant: ScoredApplicant;
  members: string[];
  leaderId: string;
  items: readonly ScoredItem[];
  itemNames: Map<string, string>;
  /** The next timestamp of the scripted timeline. */
  now: () => string;
}

export interface ScoredSheets {
  sheets: Map<string, Map<string, number>>;
  commentIds: Map<string, { id: string; text: string }[]>;
}

/** Every sheet of one applicant in one stage, with comments, submitted. */
export function scoreSheets(ctx: CoreContext, input: PanelStageInput, random: Random): ScoredSheets {
  const { stage, applicant, members, items } = input;
  const sheets = sheetPercents(applicant, items, members, random);
  const insertScore = ctx.db.prepare('INSERT INTO scores (cycle_id, stage, applicant_id, expert_id, item_id, percent, entered_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertComment = ctx.db.prepare(
    'INSERT INTO score_comments (id, stage, applicant_id, expert_id, item_id, kind, position, text, citation, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)',
  );
  const commentIds = new Map<string, { id: string; text: string }[]>();
  audited(ctx, (log) => {
    for (const expertId of members) {
      const at = input.now();
      const percents = sheets.get(expertId)!;
      for (const item of items) {
        insertScore.run(input.cycleId, stage, applicant.id, expertId, item.id, percents.get(item.id)!, 'expert', at);
        const comments = expertComments(item.kind, input.itemNames.get(item.id)!, applicant.industry, random);
        for (const [kind, list] of [['strength', comments.strengths], ['opportunity', comments.opportunities]] as const) {
          list.forEach((text, position) => {
            const id = randomUUID();
            insertComment.run(id, stage, applicant.id, expertId, item.id, kind, position, text, at);
            const key = `${expertId}|${item.id}|${kind}`;
            commentIds.set(key, [...(commentIds.get(key) ?? []), { id, text }]);
          });
        }
      }
      log({ actor: `expert:${expertId}`, action: 'score.saveSheet', entityType: 'applicant', entityId: applicant.id, payload: { stage, expertId, percents: Object.fromEntries(percents) } });
      const submittedAt = input.now();
      ctx.db.prepare('INSERT INTO score_submissions (stage, applicant_id, expert_id, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?)').run(stage, applicant.id, expertId, `expert:${expertId}`, submittedAt);
      log({ actor: `expert:${expertId}`, action: 'score.submit', entityType: 'applicant', entityId: applicant.id, payload: { stage, expertId, enteredBy: 'expert' } });
    }
  });
  return { sheets, commentIds };
}

/** The panel's consensus: the median of the sheets, final comments picked from the experts' entries, key themes. */
export function agree(ctx: CoreContext, input: PanelStageInput, scored: ScoredSheets, random: Random): void {
  const { stage, applicant, members, items } = input;
  const { sheets, commentIds } = scored;
  audited(ctx, (log) => {
    const at = input.now();
    const agreed: Record<string, number> = {};
    const insertItem = ctx.db.prepare('INSERT INTO consensus_items (stage, applicant_id, item_id, percent, rationale, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertFinal = ctx.db.prepare(
      'INSERT INTO consensus_comments (id, stage, applicant_id, item_id, kind, position, text, citation, source_comment_id, source_expert_id) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)',
    );
    for (const item of items) {
      const percents = members.map((m) => sheets.get(m)!.get(item.id)!);
      const percent = median(percents);
      agreed[item.id] = percent;
      const spread = Math.max(...percents) - Math.min(...percents);
      const rationale = spread >= 20 ? '经合议，结合现场证据采纳多数专家意见' : '专家意见基本一致';
      insertItem.run(stage, applicant.id, item.id, percent, rationale, `expert:${input.leaderId}`, at);
      // The leader's first strength; the OFI of the expert who scored lowest.
      const lowest = members[percents.indexOf(Math.min(...percents))]!;
      const picks: [string, string, string][] = [
        [input.leaderId, 'strength', commentIds.get(`${input.leaderId}|${item.id}|strength`)?.[0]?.id ?? ''],
        [lowest, 'opportunity', commentIds.get(`${lowest}|${item.id}|opportunity`)?.[0]?.id ?? ''],
      ];
      for (const [expertId, kind, sourceId] of picks) {
        const source = commentIds.get(`${expertId}|${item.id}|${kind}`)?.[0];
        if (!source) continue;
        insertFinal.run(randomUUID(), stage, applicant.id, item.id, kind, 0, source.text, sourceId, expertId);
      }
    }
    const v = applicant.industry;
    const themes = random
      .sample(THEMES, 3)
      .map((t) => t.replaceAll('{tech}', v.tech).replaceAll('{p1}', v.processes[0]).replaceAll('{p3}', v.processes[2]).replaceAll('{digital}', v.digital));
    ctx.db.prepare('INSERT INTO consensus_themes (stage, applicant_id, themes, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)').run(stage, applicant.id, JSON.stringify(themes), `expert:${input.leaderId}`, at);
    log({ actor: `expert:${input.leaderId}`, action: 'consensus.saveSheet', entityType: 'applicant', entityId: applicant.id, payload: { stage, agreed, themes } });
  });
}
