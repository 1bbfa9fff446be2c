/**
 * Password complexity required by GB/T 22239-2019 level 3 as we apply it: at least 8 characters and
 * characters from at least 3 of the 4 classes (lower case, upper case, digits, symbols).
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export function passwordClasses(pw: string): number {
  let n = 0;
  if (/[a-z]/.test(pw)) n++;
  if (/[A-Z]/.test(pw)) n++;
  if (/[0-9]/.test(pw)) n++;
  if (/[^a-zA-Z0-9]/.test(pw)) n++;
  return n;
}

export function isStrongPassword(pw: string): boolean {
  return pw.length >= PASSWORD_MIN_LENGTH && pw.length <= PASSWORD_MAX_LENGTH && passwordClasses(pw) >= 3;
}
