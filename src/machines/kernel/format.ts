function split(ms: number): [number, number, number] {
  const total = Math.max(0, Math.floor(ms / 1000));
  return [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
}

const two = (n: number): string => String(n).padStart(2, '0');

/** "00:14:30": hours, minutes, seconds; hours may exceed 24. */
export function formatElapsed(ms: number): string {
  const [h, m, s] = split(ms);
  return `${two(h)}:${two(m)}:${two(s)}`;
}

function unit(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "14 minutes 30 seconds after the start", or "at the start" for 0. */
export function speakElapsed(ms: number): string {
  const [h, m, s] = split(ms);
  const parts: string[] = [];
  if (h) parts.push(unit(h, 'hour'));
  if (m) parts.push(unit(m, 'minute'));
  if (s) parts.push(unit(s, 'second'));
  return parts.length ? `${parts.join(' ')} after the start` : 'at the start';
}
