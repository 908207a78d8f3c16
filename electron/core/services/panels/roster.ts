import type { StageId } from '../../../../shared/domain/cycle-settings';
import type { CoreContext } from '../../context';
import { cycleContext } from '../cycles';

/** What the sign-in screen may show before anyone is signed in: panel and member names, nothing scored. */
export function sessionRoster(ctx: CoreContext, cycleId: string, stage: StageId) {
  cycleContext(ctx, cycleId);
  const panels = ctx.db.prepare('SELECT id, name, leader_expert_id FROM panels WHERE cycle_id = ? AND stage = ? ORDER BY name').all(cycleId, stage) as {
    id: string;
    name: string;
    leader_expert_id: string | null;
  }[];
  const members = ctx.db.prepare(
    `SELECT e.id, e.name, EXISTS (SELECT 1 FROM expert_pins p WHERE p.expert_id = e.id) AS has_pin
     FROM panel_members m JOIN experts e ON e.id = m.expert_id WHERE m.panel_id = ? ORDER BY m.added_at, m.rowid`,
  );
  return panels.map((panel) => ({
    panelId: panel.id,
    panelName: panel.name,
    members: (members.all(panel.id) as { id: string; name: string; has_pin: number }[]).map((m) => ({
      expertId: m.id,
      name: m.name,
      isLeader: m.id === panel.leader_expert_id,
      hasPin: m.has_pin === 1,
    })),
  }));
}
