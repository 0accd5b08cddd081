import { describe, expect, it } from 'vitest';
import { dummyHash, passwordProblem, verifyPassword } from './passwords.js';

describe('the password rule', () => {
  it.each([
    ['twelve spaces', ' '.repeat(12)],
    ['a common password with digits', 'password1234'],
    ['a keyboard walk', 'qwertyuiop12'],
    ['one repeated letter', 'aaaaaaaaaaaa'],
    ['a sequence', 'abcdefghijkl'],
    ["the account's own email", 'ada.lovelace@example.org'],
  ])('refuses %s', (_, password) => {
    expect(passwordProblem(password, ['ada.lovelace@example.org', 'Ada Lovelace'])).not.toBeNull();
  });

  it('refuses fewer than 12 characters with the length rule', () => {
    expect(passwordProblem('Xk9#mQ2!vL')).toBe('the password must have at least 12 characters');
  });

  it.each(['correct horse battery staple', 'a long enough password', 'Landmines-Ottawa-1997', 'vR7#kq2!Lm9@zX'])(
    'accepts %s',
    (password) => {
      expect(passwordProblem(password, ['ada.lovelace@example.org', 'Ada Lovelace'])).toBeNull();
    },
  );
});

describe('the dummy hash', () => {
  it('is made once and matches no password anyone sends', async () => {
    const hash = await dummyHash();
    expect(await dummyHash()).toBe(hash);
    expect(hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('', hash)).toBe(false);
  });
});
