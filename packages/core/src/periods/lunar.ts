import { fromDayNumber, toDayNumber } from './dates.ts';
import type { IsoDate, LunarDate } from './types.ts';

/**
 * The Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's published algorithm, itself built
 * on the new moon and solar longitude series of Jean Meeus, "Astronomical Algorithms" (1998). Vietnam
 * reckons days at UTC+7; China uses UTC+8, which moves a new moon across midnight in some years (Tết
 * 1985 and 2007 differ between the two countries).
 *
 * Rules: a lunar month starts on the day of a new moon; month 11 is the one containing the winter
 * solstice; when 13 new moons fall between two months 11, the first month without a major solar term
 * (no change of the sun's 30° longitude sector) is the leap month and repeats the previous number.
 * Accurate for 1900–2100 at least (the tests check 1900–2100).
 */

const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 (Meeus' k = 0 epoch for this series). */
const NEW_MOON_EPOCH = 2415021.076998695;
/** Julian day number of 1970-01-01. */
const JD_UNIX_EPOCH = 2440588;
const DR = Math.PI / 180;

/** The Julian day (fractional) of the k-th new moon after 1900-01-01 (Meeus ch. 49, simplified). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DR * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT =
    T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude in radians, [0, 2π), at the Julian day `jd` (Meeus ch. 25, low precision). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  const L = (L0 + DL) * DR;
  return L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
}

/** The 30° sector (0–11) of the sun's longitude at the start of local day `jdn`. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** The local Julian day number of the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** The Julian day number on which month 11 (the winter solstice's month) of solar year `yy` starts. */
function lunarMonth11(yy: number): number {
  const off = toDayNumber(`${String(yy).padStart(4, '0')}-12-31`) + JD_UNIX_EPOCH - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  // Past 270° (sector 9) the solstice is already behind: month 11 is the previous one.
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

interface LunarMonth {
  /** Julian day number of the first day. */
  start: number;
  /** Number of days (29 or 30). */
  length: number;
  month: number;
  leap: boolean;
  year: number;
}

const suiCache = new Map<number, LunarMonth[]>();

/**
 * The 12 or 13 months from month 11 of lunar year `sui − 1` up to (excluding) month 11 of lunar
 * year `sui`: months 11 and 12 of `sui − 1`, then 1 to 10 of `sui`, a leap month among them.
 */
function suiMonths(sui: number): LunarMonth[] {
  const cached = suiCache.get(sui);
  if (cached) return cached;
  const a11 = lunarMonth11(sui - 1);
  const b11 = lunarMonth11(sui);
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  const count = b11 - a11 > 365 ? 13 : 12;
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(i === 0 ? a11 : i === count ? b11 : newMoonDay(k + i));

  let leapOffset = -1;
  if (count === 13) {
    // The first month whose start and end fall in the same solar sector has no major term.
    for (let i = 1; i < 13; i++) {
      if (sunSector(starts[i]!) === sunSector(starts[i + 1]!)) {
        leapOffset = i;
        break;
      }
    }
  }

  const months: LunarMonth[] = [];
  let seenFirstMonth = false;
  for (let i = 0; i < count; i++) {
    const leap = i === leapOffset;
    const ordinal = leapOffset >= 0 && i >= leapOffset ? i - 1 : i;
    const month = ((10 + ordinal) % 12) + 1;
    if (month === 1 && !leap) seenFirstMonth = true;
    months.push({ start: starts[i]!, length: starts[i + 1]! - starts[i]!, month, leap, year: seenFirstMonth ? sui : sui - 1 });
  }
  suiCache.set(sui, months);
  return months;
}

/** The lunar date of a solar (Gregorian) date in Vietnam. */
export function solarToLunar(date: IsoDate): LunarDate {
  const jdn = toDayNumber(date) + JD_UNIX_EPOCH;
  const yy = Number(date.slice(0, 4));
  const sui = jdn >= lunarMonth11(yy) ? yy + 1 : yy;
  const months = suiMonths(sui);
  let found = months[0]!;
  for (const m of months) if (m.start <= jdn) found = m;
  return { day: jdn - found.start + 1, month: found.month, year: found.year, leap: found.leap };
}

/** The solar date of a lunar date; RangeError when that lunar date does not exist. */
export function lunarToSolar(l: LunarDate): IsoDate {
  const { day, month, year, leap } = l;
  if (![day, month, year].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30) {
    throw new RangeError(`Invalid lunar date: ${JSON.stringify(l)}`);
  }
  const sui = month >= 11 ? year + 1 : year;
  const found = suiMonths(sui).find((m) => m.month === month && m.leap === leap && m.year === year);
  if (!found || day > found.length) throw new RangeError(`Invalid lunar date: ${JSON.stringify(l)}`);
  return fromDayNumber(found.start + day - 1 - JD_UNIX_EPOCH);
}

/** Tết Nguyên đán: 1/1 of the lunar year that starts in solar year `year`. */
export function tetDate(year: number): IsoDate {
  return lunarToSolar({ day: 1, month: 1, year, leap: false });
}
