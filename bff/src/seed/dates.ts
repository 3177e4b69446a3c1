/** Calendar helpers on YYYY-MM-DD strings in UTC (the generator never reads the clock). */

const DAY_MS = 86_400_000;

export function dayToMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function msToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return msToDay(dayToMs(day) + days * DAY_MS);
}

/** A birth date that makes someone exactly `age` on `today` (any day of that year of life). */
export function birthDateForAge(today: string, age: number, dayOfYear: number): string {
  const year = Number(today.slice(0, 4)) - age;
  const birthday = `${year}${today.slice(4)}`;
  // Birthdays from (today − age − 1 year, today − age]: still `age` today.
  const safe = birthday.endsWith('-02-29') ? `${year}-02-28` : birthday;
  return addDays(safe, -Math.min(dayOfYear, 364));
}

/** Whole years between a birth date and today. */
export function ageOn(today: string, birthDate: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** An ISO timestamp on `day` at a local (UTC+8) working hour. */
export function workingTimeOn(day: string, hour: number, minute: number): string {
  return new Date(dayToMs(day) + (hour - 8) * 3_600_000 + minute * 60_000).toISOString();
}
