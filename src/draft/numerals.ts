const CHINESE_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * A count before a measure word, as Chinese says it: 2 is 两 (两个部分, “两个维护”), never 二个; other
 * numbers as chineseNumeral (三个, 十二个). Ordinals stay chineseNumeral (第二部分).
 */
export function chineseCount(n: number): string {
  return n === 2 ? '两' : chineseNumeral(n);
}

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
