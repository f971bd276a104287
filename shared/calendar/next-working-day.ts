import { isWorkingDay, localDate } from './index';

export function nextWorkingDay(from: Date): string {
  let day = from.getTime();
  do day += 86_400_000;
  while (!isWorkingDay(localDate(new Date(day))));
  return localDate(new Date(day));
}
