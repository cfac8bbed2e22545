/**
 * Dates typed into forms, as the graph wants them (DateTime: ISO 8601, UTC). The inputs give local dates and times
 * (`<input type="date">`: 2027-03-15; `<input type="datetime-local">`: 2027-03-15T09:30); null for empty or invalid.
 */

/** A due date: the end of that day in the user's time zone, so "due on the 15th" includes the 15th. */
export function endOfLocalDay(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = new Date(year, month - 1, day, 23, 59, 59, 0);
  if (value.getFullYear() !== year || value.getMonth() !== month - 1 || value.getDate() !== day) return null;
  return value.toISOString();
}

/** A moment from a datetime-local input, in the user's time zone. */
export function fromLocalDateTime(value: string): string | null {
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(trimmed)) return null;
  const parsed = new Date(trimmed);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}
