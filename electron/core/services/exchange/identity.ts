import { keyFingerprint } from '../../packages';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import type { CoreContext } from '../../context';
import { ownFingerprint } from './own-key';
import { expertIdentity } from './scores-export';

/** What the exchange page shows about this workspace: its key fingerprint and, for an expert workspace, whom it scores as. */
export function exchangeIdentity(ctx: CoreContext) {
  const identity = ctx.workspace.role === 'expert' ? expertIdentity(ctx) : undefined;
  const expert = identity
    ? (ctx.db
        .prepare('SELECT e.id, e.name, c.id AS cycleId, c.name AS cycleName FROM experts e, cycles c WHERE e.id = ? AND c.id = ?')
        .get(identity.expert_id, identity.cycle_id) as { id: string; name: string; cycleId: string; cycleName: string })
    : undefined;
  const stages = identity
    ? (
        ctx.db
          .prepare('SELECT DISTINCT p.stage FROM panels p JOIN panel_members m ON m.panel_id = p.id WHERE m.expert_id = ? AND p.cycle_id = ? ORDER BY p.stage')
          .all(identity.expert_id, identity.cycle_id) as { stage: StageId }[]
      ).map((row) => row.stage)
    : [];
  return {
    workspaceId: ctx.workspace.id,
    keyFingerprint: ownFingerprint(ctx),
    expert: expert && identity ? { ...expert, officeFingerprint: keyFingerprint(identity.office_key_id) } : null,
    stages,
  };
}
