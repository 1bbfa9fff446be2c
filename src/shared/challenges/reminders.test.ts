import { describe, expect, it } from 'vitest';
import { daysUntil, dueReminder } from './reminders';

describe('deadline reminders', () => {
  it('counts whole days across month and leap-year boundaries', () => {
    expect(daysUntil('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysUntil('2027-03-01', '2027-02-28')).toBe(1);
    expect(daysUntil('2026-12-31', '2027-01-01')).toBe(-1);
  });

  it('sends nothing while the deadline is more than a week away', () => {
    expect(dueReminder('2026-12-31', '2026-12-23', null)).toBeNull();
  });

  it('sends the week reminder from seven days before, once', () => {
    expect(dueReminder('2026-12-31', '2026-12-24', null)).toBe(7);
    expect(dueReminder('2026-12-31', '2026-12-26', null)).toBe(7);
    expect(dueReminder('2026-12-31', '2026-12-26', 7)).toBeNull();
  });

  it('sends the day-before reminder after the week one, once', () => {
    expect(dueReminder('2026-12-31', '2026-12-30', 7)).toBe(1);
    expect(dueReminder('2026-12-31', '2026-12-31', 1)).toBeNull();
  });

  it('sends only the closest stage when published late, and nothing after the deadline', () => {
    expect(dueReminder('2026-12-31', '2026-12-31', null)).toBe(1);
    expect(dueReminder('2026-12-31', '2027-01-01', null)).toBeNull();
    expect(dueReminder('2026-12-31', '2027-01-01', 7)).toBeNull();
  });
});
