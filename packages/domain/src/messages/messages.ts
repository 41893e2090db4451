/** A message in both UI languages. zh-CN is primary. */
export interface BilingualMessage {
  zh: string;
  en: string;
}

/**
 * Every validation and rule message the domain can produce, by code. Schemas put the code in zod's
 * `message`; the API and the apps translate it with {@link translateMessage}.
 *
 * @example translateMessage('validation.mobile.invalid', 'zh') // '请输入正确的手机号码（11位，以1开头）'
 */
export const messages = {
  'validation.required': { zh: '此项为必填项', en: 'This field is required' },
  'validation.text.tooLong': { zh: '内容过长', en: 'Text is too long' },
  'validation.text.tooShort': { zh: '内容过短，请再多写几句', en: 'Please write a little more' },
  'validation.name.invalid': { zh: '请输入姓名（1–50个字）', en: 'Enter a name (1–50 characters)' },
  'validation.mobile.invalid': {
    zh: '请输入正确的手机号码（11位，以1开头）',
    en: 'Enter a valid mainland mobile number (11 digits starting with 1)',
  },
  'validation.trackingCode.invalid': {
    zh: '查询码格式不正确，请核对后重新输入',
    en: 'That tracking code is not valid; please check it',
  },
  'validation.invalid': { zh: '输入内容不正确', en: 'The input is not valid' },
  'auth.invalidCredentials': { zh: '用户名或密码不正确', en: 'Wrong username or password' },
  'auth.locked': { zh: '登录失败次数过多，账号已临时锁定，请15分钟后再试', en: 'Too many failed sign-ins; try again in 15 minutes' },
  'auth.required': { zh: '请先登录', en: 'Please sign in' },
  'auth.forbidden': { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  'petition.notFound': { zh: '未找到该信访事项', en: 'Petition not found' },
  'kiosk.hallUnknown': { zh: '自助终端配置的接待厅不存在，请联系工作人员', en: 'This kiosk is configured for an unknown hall; please ask staff' },
  'request.duplicate': { zh: '该请求已处理', en: 'This request was already processed' },
  'server.error': { zh: '系统繁忙，请稍后再试', en: 'Something went wrong; please try again later' },
} as const satisfies Record<string, BilingualMessage>;

export type MessageCode = keyof typeof messages;

export type Language = 'zh' | 'en';

/** True when `code` names a known message. @example isMessageCode('validation.required') // true */
export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(messages, code);
}

/**
 * The text of a message code in one language; unknown codes fall back to the generic message.
 * @example translateMessage('auth.required', 'en') // 'Please sign in'
 */
export function translateMessage(code: string, language: Language): string {
  return (isMessageCode(code) ? messages[code] : messages['validation.invalid'])[language];
}
