/** The victim assistance map's colours: one per framework state (Okabe-Ito, safe for colour-blind readers). */
import type { GlobalVictims } from '../api';

export const FRAMEWORK_STATES = ['plan-in-force', 'mechanism-only', 'neither'] as const;
export type FrameworkState = (typeof FRAMEWORK_STATES)[number];

export const FRAMEWORK_COLOUR: Record<FrameworkState, string> = {
  'plan-in-force': '#009E73',
  'mechanism-only': '#56B4E9',
  neither: '#D55E00',
};

/** A State's colour on the map: a plan in force first, then a coordination mechanism alone, else neither. */
export function frameworkState(s: GlobalVictims['states'][number]): FrameworkState {
  if (s.planState === 'in-force') return 'plan-in-force';
  if (s.coordination) return 'mechanism-only';
  return 'neither';
}

/** Each framework state's words (catalogue keys in full). */
export const FRAMEWORK_WORDS = {
  'plan-in-force': 'web:victims.map.state.plan-in-force',
  'mechanism-only': 'web:victims.map.state.mechanism-only',
  neither: 'web:victims.map.state.neither',
} as const satisfies Record<FrameworkState, string>;
