const CHINESE_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十: section numbers as a lecturer says them. */
export function chineseNumeral(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n] ?? String(n);
  if (n < 20) return '十' + (CHINESE_NUMERALS[n - 10] ?? '');
  if (n < 100) {
    const tens = CHINESE_NUMERALS[Math.floor(n / 10)] ?? '';
    const ones = n % 10 === 0 ? '' : (CHINESE_NUMERALS[n % 10] ?? '');
    return tens + '十' + ones;
  }
  return String(n);
}
