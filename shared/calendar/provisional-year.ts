/**
 * The rest days of a year whose official arrangement is not published yet, from the statutory rules:
 * 《全国年节及纪念日放假办法》 as revised by 国务院令第795号 (2024-11-10, in force 2025-01-01).
 *
 * - 第二条: the holidays for all citizens (below).
 * - 第六条: "全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假" — a holiday that falls on a
 *   Saturday or Sunday is given back on a working day; here, the first following working day, as the
 *   State Council's yearly arrangements do.
 *
 * The yearly arrangement also moves days around (调休: bridge days paid for with make-up working
 * Saturdays or Sundays). That cannot be predicted, so a provisional year has no make-up workdays.
 */
import { type DayNumber, dayOf, formatLocalDate, isWeekend, type LocalDate } from './local-date';
import { chineseNewYearsEve, dayOfLunarDate, lunarNewYear, qingmingDay } from './traditional-dates';

export interface ProvisionalRestDay {
  date: LocalDate;
  name: string;
  /** True for a 补假 day given back for a holiday that fell on a weekend or on another holiday. */
  substitute: boolean;
}

interface Entitlement {
  day: DayNumber;
  name: string;
}

/** 第二条: 元旦 1 day, 春节 4, 清明节 1, 劳动节 2, 端午节 1, 中秋节 1, 国庆节 3; in date order. */
export function statutoryHolidays(year: number): Entitlement[] {
  const springFestival = lunarNewYear(year);
  return [
    { day: dayOf(year, 1, 1), name: '元旦' },
    { day: chineseNewYearsEve(year), name: '春节' },
    { day: springFestival, name: '春节' },
    { day: springFestival + 1, name: '春节' },
    { day: springFestival + 2, name: '春节' },
    { day: qingmingDay(year), name: '清明节' },
    { day: dayOf(year, 5, 1), name: '劳动节' },
    { day: dayOf(year, 5, 2), name: '劳动节' },
    { day: dayOfLunarDate(year, 5, 5), name: '端午节' },
    { day: dayOf(year, 10, 1), name: '国庆节' },
    { day: dayOf(year, 10, 2), name: '国庆节' },
    { day: dayOf(year, 10, 3), name: '国庆节' },
    { day: dayOfLunarDate(year, 8, 15), name: '中秋节' },
  ].sort((a, b) => a.day - b.day);
}

/**
 * Statutory holidays plus their 补假 days. A holiday that coincides with another one (中秋节 on
 * 1–3 October) is given back too: 第六条 speaks only of weekends, but each holiday is a day of rest
 * owed, and the 2020 arrangement (国庆节 and 中秋节 both on 1 October) gave the day back.
 */
export function provisionalRestDays(year: number): ProvisionalRestDay[] {
  const rest = new Map<DayNumber, ProvisionalRestDay>();
  const owed: Entitlement[] = [];
  for (const holiday of statutoryHolidays(year)) {
    const sameDay = rest.get(holiday.day);
    if (isWeekend(holiday.day) || sameDay) owed.push(holiday);
    const name = sameDay ? `${sameDay.name}、${holiday.name}` : holiday.name;
    rest.set(holiday.day, { date: formatLocalDate(holiday.day), name, substitute: false });
  }
  for (const holiday of owed) {
    let day = holiday.day + 1;
    while (isWeekend(day) || rest.has(day)) day++;
    rest.set(day, { date: formatLocalDate(day), name: holiday.name, substitute: true });
  }
  return [...rest.entries()].sort(([a], [b]) => a - b).map(([, restDay]) => restDay);
}
