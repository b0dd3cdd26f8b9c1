// Typefaces per role, by the names a Chinese Windows and WPS have (the deck's own fonts, Noto Sans/Serif SC,
// are rarely installed in a meeting room). Open XML names the East Asian face (<a:ea>) apart from the Latin one
// (<a:latin>): the Latin face sets the digits and letters.
//
//   role     East Asian (a:ea)   Latin (a:latin)    why
//   title    微软雅黑 (bold)      Microsoft YaHei    the one Chinese face every Windows has with a real bold;
//                                                   宋体 has none and thins out on a projector
//   body     微软雅黑             Microsoft YaHei    the Windows UI face: clear at a distance
//   quote    楷体                 KaiTi              a leader's words set in 楷体, as in printed 党课 material
//   figure   黑体                 SimHei             big figures (832个): heavy and even
import type { TextRole } from './slide-model.ts';

export interface Typefaces {
  ea: string;
  latin: string;
}

export const TYPEFACES: Record<TextRole, Typefaces> = {
  title: { ea: '微软雅黑', latin: 'Microsoft YaHei' },
  body: { ea: '微软雅黑', latin: 'Microsoft YaHei' },
  quote: { ea: '楷体', latin: 'KaiTi' },
  figure: { ea: '黑体', latin: 'SimHei' },
};
