import { addDays, dayOfWeek, isoDateOf } from './dates.ts';
import { lunarToSolar, tetDate } from './lunar.ts';
import type { Holiday, IsoDate } from './types.ts';

/** Labour Code 2019 Art. 112 k1 (public holidays, also for civil servants). */
export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Chiến thắng',
  labour: 'Ngày Quốc tế lao động',
  national: 'Quốc khánh',
} as const;

export const COMPENSATORY_PREFIX = 'Nghỉ bù ';

export function isWeekend(d: IsoDate): boolean {
  const dow = dayOfWeek(d);
  return dow === 0 || dow === 6;
}

function byDate(a: Holiday, b: Holiday): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/**
 * The holidays of Art. 112 k1 in `year`, all with source 'law', sorted: 1/1; Tết Nguyên đán (the
 * last day of the old lunar year and the 1st to 4th of the first lunar month); 10/3 lunar; 30/4;
 * 1/5; 2/9 and one adjacent day, 1/9 by default (the Government announces 1/9 or 3/9 each year: a
 * 'working_day' adjustment on 1/9 and a 'holiday' one on 3/9 record the other choice).
 */
export function statutoryHolidays(year: number): Holiday[] {
  const law = (date: IsoDate, name: string): Holiday => ({ date, name, source: 'law' });
  const tet = tetDate(year);
  const list: Holiday[] = [
    law(isoDateOf(year, 1, 1), HOLIDAY_NAMES.newYear),
    law(addDays(tet, -1), HOLIDAY_NAMES.tet),
    law(tet, HOLIDAY_NAMES.tet),
    law(addDays(tet, 1), HOLIDAY_NAMES.tet),
    law(addDays(tet, 2), HOLIDAY_NAMES.tet),
    law(addDays(tet, 3), HOLIDAY_NAMES.tet),
    law(lunarToSolar({ day: 10, month: 3, year, leap: false }), HOLIDAY_NAMES.hungKings),
    law(isoDateOf(year, 4, 30), HOLIDAY_NAMES.reunification),
    law(isoDateOf(year, 5, 1), HOLIDAY_NAMES.labour),
    law(isoDateOf(year, 9, 1), HOLIDAY_NAMES.national),
    law(isoDateOf(year, 9, 2), HOLIDAY_NAMES.national),
  ];
  return list.sort(byDate);
}

/**
 * Art. 111 k3: each holiday in `holidays` that falls on a Saturday or Sunday gives a day off on the
 * next day that is neither a weekend, nor a day in `otherDaysOff`, nor an earlier compensatory day.
 */
export function compensatoryDays(holidays: Holiday[], otherDaysOff: ReadonlySet<IsoDate> = new Set()): Holiday[] {
  const taken = new Set<IsoDate>([...holidays.map((h) => h.date), ...otherDaysOff]);
  const result: Holiday[] = [];
  for (const h of [...holidays].sort(byDate)) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    result.push({ date: d, name: COMPENSATORY_PREFIX + h.name, source: 'compensatory' });
  }
  return result.sort(byDate);
}

/**
 * The law's days off of `year` without any announcement: the Art. 112 holidays (source 'law') and
 * their compensatory days (source 'compensatory', "Nghỉ bù …"), sorted by date. A holiday falling on
 * a weekend is listed too (its day off is the compensatory one).
 */
export function lawHolidays(year: number): Holiday[] {
  const law = statutoryHolidays(year);
  return [...law, ...compensatoryDays(law)].sort(byDate);
}
