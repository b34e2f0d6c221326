import { CHECKLIST_ITEMS, type ChecklistItem, type ChecklistItemId } from '../domain/case';

const DAY = 24 * 3600 * 1000;

/**
 * Due dates of the follow-up routine (seed 004 §3.2): the exposed person is not left alone and has company home or to
 * healthcare (at once, so within a day),
 * the police report question within a week, and the initial follow-up conversation and the two assessments within
 * two weeks.
 */
export const CHECKLIST_DUE_DAYS: Record<ChecklistItemId, number> = {
  not_alone: 1,
  company_home: 1,
  police_report: 7,
  initial_followup: 14,
  further_conversations: 14,
  professional_support: 14,
};

/** A fresh checklist for a case submitted at `createdAt`. */
export function newChecklist(createdAt: Date): ChecklistItem[] {
  return CHECKLIST_ITEMS.map((id) => ({
    id,
    dueAt: new Date(createdAt.getTime() + CHECKLIST_DUE_DAYS[id] * DAY).toISOString(),
    doneAt: null,
    doneBy: null,
    note: null,
  }));
}

/** True when every item is ticked. */
export function checklistComplete(items: ChecklistItem[]): boolean {
  return items.every((item) => item.doneAt !== null);
}
