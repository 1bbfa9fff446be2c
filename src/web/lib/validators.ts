import type { FormRule as Rule } from 'antd';
import { isValidCreditCode } from '../../shared/credit-code';
import { isStrongPassword } from '../../shared/password-policy';
import type { I18n } from '../i18n';

/** Form rules shared by registration, change password and staff forms; messages in the UI language. */
export function rulesFor(t: I18n['t']) {
  const required = (label: string): Rule => ({
    required: true,
    whitespace: true,
    message: t('val.required', { label }),
  });
  const choose = (label: string): Rule => ({ required: true, message: t('val.choose', { label }) });
  const username: Rule = { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('val.username') };
  const password: Rule = {
    validator: (_, v: unknown) =>
      typeof v !== 'string' || v === '' || isStrongPassword(v)
        ? Promise.resolve()
        : Promise.reject(new Error(t('val.password'))),
  };
  const creditCode: Rule = {
    validator: (_, v: unknown) => {
      if (typeof v !== 'string' || v === '') return Promise.resolve();
      const code = v.trim().toUpperCase();
      if (code.length !== 18) return Promise.reject(new Error(t('val.creditCodeLength', { n: code.length })));
      return isValidCreditCode(code) ? Promise.resolve() : Promise.reject(new Error(t('val.creditCode')));
    },
  };
  const email: Rule = { type: 'email', message: t('val.email') };
  const phone: Rule = { pattern: /^[0-9+\-() ]{5,20}$/, message: t('val.phone') };
  const confirmOf =
    (field: string): Rule =>
    ({ getFieldValue }) => ({
      validator: (_, v: unknown) =>
        !v || getFieldValue(field) === v ? Promise.resolve() : Promise.reject(new Error(t('val.confirm'))),
    });
  return { required, choose, username, password, creditCode, email, phone, confirmOf };
}
