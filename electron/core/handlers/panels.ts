import type { panelChannels } from '../../../shared/api/panels';
import type { scoringSessionChannels } from '../../../shared/api/scoring-sessions';
import type { CoreContext } from '../context';
import { declareConflict, decideConflict, listConflicts, runConflictSuggestions } from '../services/panels/conflicts';
import { createExpert, getExpert, listExperts, setExpertPin, updateExpert } from '../services/panels/experts';
import { exportExpertsXlsx, importExpertsXlsx } from '../services/panels/experts-xlsx';
import { addPanelMember, applyPlan, assignToPanel, createPanel, getPanel, listPanels, removePanelMember, unassignFromPanel, updatePanel } from '../services/panels/panels';
import { suggestPanelAssignment } from '../services/panels/suggest';
import { ScoringSessions, signIn, openOwnSession } from '../services/panels/sessions';
import { sessionRoster } from '../services/panels/roster';
import { getSheet, myAssignments, panelScores, saveScoreItem, stageProgress, submitSheet, unlockSheet } from '../services/panels/scores';
import { getConsensus, saveConsensusItem, saveConsensusThemes } from '../services/panels/consensus';
import { generateIssues, listIssues, saveIssues } from '../services/panels/site-visit';
import { applicantResults } from '../services/panels/results';
import { expertRow } from '../services/panels/experts';
import type { AreaHandlers } from './types';

/**
 * Experts, conflicts, panels and scoring sessions. The session store lives as long as these handlers,
 * i.e. as long as the workspace stays open: switching workspace signs every expert out.
 */
export const panelHandlers = (ctx: CoreContext): AreaHandlers<typeof panelChannels & typeof scoringSessionChannels> => {
  const sessions = new ScoringSessions(ctx.clock);
  return {
    'experts.list': (input) => listExperts(ctx, input),
    'experts.get': (input) => getExpert(ctx, input.expertId),
    'experts.create': (input, call) => createExpert(ctx, input.record, call),
    'experts.update': (input, call) => updateExpert(ctx, input.expertId, input.record, call),
    'experts.setPin': (input, call) => setExpertPin(ctx, input.expertId, input.pin, call),
    'experts.importXlsx': (input, call) => importExpertsXlsx(ctx, input.contentBase64, call),
    'experts.exportXlsx': () => exportExpertsXlsx(ctx),

    'conflicts.list': (input) => listConflicts(ctx, input),
    'conflicts.declare': (input, call) => declareConflict(ctx, input, call),
    'conflicts.suggest': (input, call) => runConflictSuggestions(ctx, input.cycleId, call),
    'conflicts.decide': (input, call) => decideConflict(ctx, input, call),

    'panels.list': (input) => listPanels(ctx, input.cycleId, input.stage),
    'panels.get': (input) => getPanel(ctx, input.panelId),
    'panels.create': (input, call) => createPanel(ctx, input, call),
    'panels.update': (input, call) => updatePanel(ctx, input.panelId, input.name, input.leaderExpertId, call),
    'panels.addMember': (input, call) => addPanelMember(ctx, input.panelId, input.expertId, call),
    'panels.removeMember': (input, call) => removePanelMember(ctx, input.panelId, input.expertId, call),
    'panels.assign': (input, call) => assignToPanel(ctx, input.panelId, input.applicantId, call),
    'panels.unassign': (input, call) => unassignFromPanel(ctx, input.panelId, input.applicantId, call),
    'panels.suggestAssignment': (input) => suggestPanelAssignment(ctx, input.cycleId, input.stage, input.minExperts),
    'panels.applyPlan': (input, call) => applyPlan(ctx, input.cycleId, input.stage, input.plan, call),

    'sessions.roster': (input) => sessionRoster(ctx, input.cycleId, input.stage),
    'sessions.signIn': (input) => signIn(ctx, sessions, input.expertId, input.pin),
    'sessions.openOwn': () => openOwnSession(ctx, sessions),
    'sessions.current': (input) => {
      const session = sessions.resolve(input.sessionToken);
      return { sessionToken: input.sessionToken, expertId: session.expertId, expertName: expertRow(ctx, session.expertId).name, expiresAt: session.expiresAt };
    },
    'sessions.signOut': (input) => ({ signedOut: sessions.close(input.sessionToken) }),

    'scores.myAssignments': (input) => myAssignments(ctx, sessions, input.sessionToken),
    'scores.sheet': (input, call) => getSheet(ctx, sessions, input.as, input.stage, input.applicantId, call),
    'scores.saveItem': (input, call) => saveScoreItem(ctx, sessions, input, call),
    'scores.submit': (input, call) => submitSheet(ctx, sessions, input.as, input.stage, input.applicantId, call),
    'scores.unlock': (input, call) => unlockSheet(ctx, input, call),
    'scores.panel': (input, call) => panelScores(ctx, sessions, input.viewer, input.stage, input.applicantId, call),
    'scores.progress': (input) => stageProgress(ctx, input.cycleId, input.stage),

    'consensus.get': (input, call) => getConsensus(ctx, sessions, input.viewer, input.stage, input.applicantId, call),
    'consensus.saveItem': (input, call) => saveConsensusItem(ctx, sessions, input, call),
    'consensus.saveThemes': (input, call) => saveConsensusThemes(ctx, sessions, input.viewer, input.stage, input.applicantId, input.themes, call),

    'siteVisit.generateIssues': (input, call) => generateIssues(ctx, sessions, input.viewer, input.applicantId, call),
    'siteVisit.issues': (input, call) => listIssues(ctx, sessions, input.viewer, input.applicantId, call),
    'siteVisit.saveIssues': (input, call) => saveIssues(ctx, sessions, input, call),

    'results.applicant': (input) => applicantResults(ctx, input.applicantId),
  };
};
