// A class's server names a student's timelines without words ('class:1', 'what-if:B'): the page words them in its
// language, in the timeline menu and the class bar (a Japanese student saw "World 1 (the class)" and "What-if B").
import { describe, expect, it } from 'vitest';
import { timelineName } from '../src/ui/labels.ts';
import { setLang } from '../src/ui/i18n.ts';

describe('timelineName', () => {
  it('words the class world and a what-if in English and Japanese', async () => {
    expect(['class:1', 'what-if:B', 'Timeline A'].map(timelineName)).toEqual(['World 1 (the class)', 'What-if B', 'Timeline A']);
    await setLang('ja');
    try {
      expect(['class:2', 'what-if:C', 'Timeline A'].map(timelineName)).toEqual(['ワールド 2（クラス）', '「もしも」C', 'タイムラインA']);
    } finally {
      await setLang('en');
    }
  });
});
