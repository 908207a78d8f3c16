import type { applicantChannels } from '../../../shared/api/applicants';
import type { applicationChannels } from '../../../shared/api/applications';
import type { CoreContext } from '../context';
import { createApplicant, decideEligibility, getApplicant, listApplicants, runEligibility, transitionApplicant, updateApplicant } from '../services/applicants';
import { exportApplicantsXlsx, importApplicantsXlsx } from '../services/applicants-xlsx';
import { addAttachment, attachmentContent, getApplication, removeAttachment, saveItem, saveProfile } from '../services/applications';
import type { AreaHandlers } from './types';

export const applicantHandlers = (ctx: CoreContext): AreaHandlers<typeof applicantChannels> => ({
  'applicants.list': (input) => listApplicants(ctx, input),
  'applicants.get': (input) => getApplicant(ctx, input.applicantId),
  'applicants.create': (input, call) => createApplicant(ctx, input.cycleId, input.record, call),
  'applicants.update': (input, call) => updateApplicant(ctx, input.applicantId, input.record, call),
  'applicants.checkEligibility': (input) => runEligibility(ctx, input.applicantId),
  'applicants.decideEligibility': (input, call) => decideEligibility(ctx, input.applicantId, input.decision, input.note, call),
  'applicants.transition': (input, call) => transitionApplicant(ctx, input.applicantId, input.to, call),
  'applicants.importXlsx': (input, call) => importApplicantsXlsx(ctx, input.cycleId, input.contentBase64, call),
  'applicants.exportXlsx': (input) => exportApplicantsXlsx(ctx, input.cycleId),
});

export const applicationHandlers = (ctx: CoreContext): AreaHandlers<typeof applicationChannels> => ({
  'applications.get': (input) => getApplication(ctx, input.applicantId),
  'applications.saveProfile': (input) => saveProfile(ctx, input.applicantId, input.profile),
  'applications.saveItem': (input) => saveItem(ctx, input),
  'attachments.add': (input, call) => addAttachment(ctx, input, call),
  'attachments.remove': (input, call) => removeAttachment(ctx, input.attachmentId, call),
  'attachments.content': (input) => attachmentContent(ctx, input.attachmentId),
});
