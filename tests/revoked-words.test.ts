// A student whose seat the teacher revoked read "this token was revoked" (and, on the class bar, "token revoked"): a
// student has a seat and a join link, not a token. The refusal now says it in the student's words, in English (the
// server's message, which the API and the CLI show too) and in Japanese (the catalogue's words for its code).
import { afterAll, describe, expect, it, vi } from 'vitest';
import { refusal } from '../src/server/access.ts';
import { ServerError } from '../src/classroom/common.ts';
import { jaServer } from '../src/ui/locales/ja-server.ts';

vi.hoisted(() => void ((globalThis as { location?: unknown }).location = { search: '?lang=ja', origin: 'http://localhost', hostname: 'localhost' }));
const { classLang, said } = await import('../src/classroom/words.ts');
const { setLang } = await import('../src/ui/i18n.ts');

afterAll(async () => {
  await setLang('en');
  delete (globalThis as { location?: unknown }).location;
});

describe('a revoked seat, in the student\'s words', () => {
  const why = refusal({ endedAt: null } as never, { revoked: true, role: 'seat', expires: Infinity } as never, 0)!;

  it('in English: the teacher revoked the seat\'s link; ask the teacher for a new one', async () => {
    await setLang('en');
    const text = said(new ServerError(why.message, why.code));
    expect(text).not.toMatch(/token/i);
    expect(text).toBe('your teacher took you out of this seat: join again with the class code and your name, and your teacher will be asked to let you back in');
  });

  it('in Japanese', async () => {
    await classLang();
    const text = said(new ServerError(why.message, why.code));
    expect(text).not.toMatch(/トークン|token/i);
    expect(text).toBe(jaServer.revokedToken);
    expect(text).toBe('教師があなたをこの席から外しました。クラスコードと名前でもう一度参加すると、戻ってよいか教師に確認されます');
  });
});
