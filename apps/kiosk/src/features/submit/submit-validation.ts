import { checkCreditCode } from '@xinfang/domain/identity/credit-code';
import { kioskCrossFieldIssues, KioskSubmission } from '@xinfang/domain/kiosk';
import { translateMessage, type Language } from '@xinfang/domain/messages';
import { toSubmission, type Draft } from './submission-store.ts';

/** Which step holds which field, so a rejected field sends the visitor back to it. */
export const fieldsByStep: readonly (readonly string[])[] = [
  ['petitionerKind', 'organisationName', 'creditCode', 'name', 'idNumber', 'mobile', 'address', 'collective', 'headcount', 'representatives'],
  ['category', 'streetCode', 'communityCode', 'about', 'request', 'content', 'photos'],
  ['consent'],
];

export function stepOfField(field: string): number {
  const base = field.split('.')[0] ?? field;
  const index = fieldsByStep.findIndex((fields) => fields.includes(base));
  return index < 0 ? 0 : index;
}

function requiredButEmpty(draft: Draft, field: string): boolean {
  const value: Record<string, string> = {
    name: draft.name,
    idNumber: draft.idNumber,
    mobile: draft.mobile,
    content: draft.content,
    organisationName: draft.petitionerKind === 'organisation' ? draft.organisationName : 'x',
    headcount: draft.collective ? draft.headcount : 'x',
  };
  return field in value && value[field]!.trim() === '';
}

/**
 * The messages for the fields of the given steps, by field key (`representatives.0.name` for a representative's
 * field), using the domain's own schema so the kiosk says exactly what the server would.
 */
export function messagesForSteps(draft: Draft, steps: readonly number[], language: Language): Record<string, string> {
  const fields = new Set(steps.flatMap((step) => fieldsByStep[step] ?? []));
  const result = KioskSubmission.safeParse(toSubmission(draft, steps.includes(2) ? draft.consent : true));
  const messages: Record<string, string> = {};
  if (result.success) return messages;
  const submission = toSubmission(draft);
  const issues = [...result.error.issues, ...kioskCrossFieldIssues(submission).map((issue) => ({ path: [issue.path], message: issue.message }))];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (!fields.has(field)) continue;
    const key = field === 'representatives' && issue.path.length >= 3 ? `representatives.${String(issue.path[1])}.${String(issue.path[2])}` : field;
    if (messages[key]) continue;
    messages[key] = translateMessage(requiredButEmpty(draft, key) ? 'validation.required' : issue.message, language);
  }
  return messages;
}

/** A credit code whose check character does not match: a warning the visitor may accept (old codes exist). */
export function creditCodeWarning(code: string, language: Language): string {
  if (!code.trim()) return '';
  const checked = checkCreditCode(code);
  return checked.wellFormed && checked.warning ? translateMessage(checked.warning, language) : '';
}
