/**
 * Deadline reminders to the poster of a published posting (seed 002: the platform keeps the parties
 * informed): a week before the deadline for solutions and again the day before. Pure: the job supplies
 * today's date (China time) and the last stage already sent.
 */
export const REMINDER_STAGES = [7, 1] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

/** Whole days from `today` to `deadline` (both YYYY-MM-DD); negative once it has passed. */
export function daysUntil(deadline: string, today: string): number {
  const ms = Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/**
 * The reminder due today, or null. A stage is due once the deadline is that close and no closer stage
 * has been sent; a posting published two days before its deadline gets only the day-before reminder
 * when that day comes, never two at once; nothing is sent after the deadline.
 */
export function dueReminder(deadline: string, today: string, lastSent: number | null): ReminderStage | null {
  const left = daysUntil(deadline, today);
  if (left < 0) return null;
  let due: ReminderStage | null = null;
  for (const stage of REMINDER_STAGES) if (left <= stage) due = stage;
  if (due === null) return null;
  if (lastSent !== null && lastSent <= due) return null;
  return due;
}
