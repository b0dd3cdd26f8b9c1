// Section headings as the deck shows them. The numbering an article gives its headings (一、 （一） 1. 第一部分)
// is dropped: the agenda numbers its items and the divider says 第一部分 itself.

const HEADING_NUMBER = /^\s*(?:第[一二三四五六七八九十百零〇\d]+(?:部分|章|节|篇|讲)[\s　：:、，,.．]*|[一二三四五六七八九十]+[、．.]\s*|（[一二三四五六七八九十\d]+）\s*|\([一二三四五六七八九十\d]+\)\s*|\d+[、．.]\s*(?!\d))/u;

export function displayHeading(heading: string): string {
  const stripped = heading.replace(HEADING_NUMBER, '').trim();
  return (stripped || heading).replace(/——$/u, '');
}
