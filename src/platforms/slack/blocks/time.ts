/**
 * A time as Slack's date token: every reader sees it in their own time zone and format, and
 * clients that cannot render it show the UTC fallback.
 */
export function slackDate(at: string | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const unix = Math.floor(date.getTime() / 1000);
  const fallback = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${unix}^{date_short_pretty} {time}|${fallback}>`;
}

/** A clock time with seconds (competition rounds are counted in seconds). */
export function slackClock(at: string | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const unix = Math.floor(date.getTime() / 1000);
  return `<!date^${unix}^{time_secs}|${date.toISOString().slice(11, 19)} UTC>`;
}
