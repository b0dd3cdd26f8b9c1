// A missing or unreadable image: the slide shows a broken-image box. Remote images are reported too:
// the deck makes no network request, so they never show.
import type { CheckDiagnostic, Rule } from '../context.ts';
import { imageFile, imageReferences } from '../image-references.ts';

const PROBLEMS = {
  missing: '找不到图片文件',
  unreadable: '图片文件无法读取（没有读取权限）',
  'not-a-file': '图片路径指向的不是文件',
} as const;

export const missingImages: Rule = {
  name: 'missing-image',
  check: (context) =>
    imageReferences(context.deck, context.lines).flatMap((reference): CheckDiagnostic[] => {
      const place = { file: context.file, line: reference.line, slide: reference.slide };
      if (reference.local === undefined) {
        if (/^data:/i.test(reference.src)) return [];
        return [
          {
            rule: 'missing-image',
            severity: 'warning',
            ...place,
            message: `第 ${reference.slide} 张幻灯片引用了网络图片 ${reference.src}：幻灯片不联网，放映时不会显示。请下载后放在幻灯片旁边，用相对路径引用。`,
          },
        ];
      }
      const path = imageFile(context.deckDir, reference.local);
      const probe = context.probeImage(path);
      if (probe === 'ok') return [];
      return [
        {
          rule: 'missing-image',
          severity: 'error',
          ...place,
          message: `第 ${reference.slide} 张幻灯片：${PROBLEMS[probe]} ${reference.src}（${path}）。图片路径相对于幻灯片文件所在的文件夹。`,
        },
      ];
    }),
};
