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
  'validation.text.unsafeCharacters': {
    zh: '含有无法识别的字符（如控制字符或残缺的符号），请删除后重新输入',
    en: 'Contains characters that cannot be stored (control characters or broken symbols); remove them and try again',
  },
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
  'validation.instant.invalid': { zh: '时间格式不正确', en: 'Enter a valid date and time' },
  'validation.calendarDay.invalid': { zh: '日期格式不正确（年-月-日）', en: 'Enter a valid date (YYYY-MM-DD)' },
  'validation.idCard.invalid': { zh: '身份证号码格式不正确（18位，最后一位可为X）', en: 'Enter a valid ID card number (18 characters, the last may be X)' },
  'validation.idCard.birthDate': { zh: '身份证号码中的出生日期不正确', en: 'The birth date in this ID card number is not valid' },
  'validation.idCard.checksum': { zh: '身份证号码校验位不正确，请核对', en: 'The check digit of this ID card number is wrong; please check it' },
  'validation.creditCode.invalid': { zh: '统一社会信用代码格式不正确（18位）', en: 'Enter a valid unified social credit code (18 characters)' },
  'validation.creditCode.checksum': {
    zh: '统一社会信用代码校验位不符，请核对；如确认无误可继续',
    en: 'The check character of this credit code does not match; check it, or continue if you are sure',
  },
  'workflow.actionNotAllowed': { zh: '该事项当前状态下不能进行此操作', en: 'This action is not allowed in the current status' },
  'workflow.roleNotAllowed': { zh: '您的岗位不能进行此操作', en: 'Your role may not take this action' },
  'workflow.unitNotResponsible': { zh: '该事项不由您所在单位办理', en: 'Your unit is not responsible for this matter at this step' },
  'workflow.alreadyRegistered': { zh: '该事项已登记', en: 'This matter is already registered' },
  'workflow.notRegistered': { zh: '事项记录须以登记开始', en: 'A matter’s record must start with its registration' },
  'workflow.receivedInFuture': { zh: '收到时间不能晚于当前时间', en: 'The time received cannot be in the future' },
  'workflow.receivedTooEarly': { zh: '收到日期过早，请核对（不早于系统规定的最早日期）', en: 'The date received is too early; please check it (it cannot be before the earliest date allowed)' },
  'workflow.triage.claimRouteRequired': { zh: '申诉求决类事项须确定处理途径', en: 'A claim needs a handling route' },
  'workflow.claim.statutoryChannel': {
    zh: '该诉求应通过法定途径解决，请疏导分流，不进入信访程序',
    en: 'This claim belongs to a statutory channel: divert it instead of entering the petition procedure',
  },
  'workflow.divert.notStatutory': { zh: '只有应通过法定途径解决的申诉求决类事项才能疏导分流', en: 'Only claims that belong to a statutory channel can be diverted' },
  'workflow.divert.wrongDestination': { zh: '分流去向须与甄别确定的处理途径一致', en: 'The diversion must go to the route set at triage' },
  'workflow.accusation.routedToAccused': { zh: '检举控告类事项不得转送给被检举控告的单位', en: 'An accusation cannot be routed to the unit it accuses' },
  'workflow.staff.recused': { zh: '该工作人员与事项有直接利害关系，应当回避', en: 'This staff member has a direct interest in the matter and is recused' },
  'workflow.mediation.agreementDateRequired': { zh: '达成调解协议的，须填写协议生效日期', en: 'An agreement needs the date it takes effect' },
  'workflow.mediation.noAgreement': { zh: '未达成调解协议，不能登记司法确认', en: 'There is no mediation agreement to confirm' },
  'workflow.extension.alreadyUsed': { zh: '办理期限只能延长一次', en: 'The time limit can be extended only once' },
  'workflow.extension.alreadyRequested': { zh: '延期申请正在审批中', en: 'An extension request is already pending' },
  'workflow.extension.notRequested': { zh: '没有待审批的延期申请', en: 'There is no extension request to approve' },
  'workflow.extension.tooLong': { zh: '延长期限不得超过30日', en: 'An extension cannot exceed 30 days' },
  'workflow.clock.notRunning': { zh: '该计时当前未在进行，不能暂停', en: 'That clock is not running, so it cannot be paused' },
  'workflow.clock.notPaused': { zh: '该计时未暂停', en: 'That clock is not paused' },
  'workflow.delivery.nothingToDeliver': { zh: '尚无可送达的该类文书', en: 'There is no such document to deliver yet' },
  'workflow.delivery.beforeIssued': { zh: '送达日期不能早于文书出具日期', en: 'A document cannot be delivered before it was issued' },
  'workflow.delivery.inFuture': { zh: '送达日期不能晚于今天', en: 'The delivery date cannot be later than today' },
  'workflow.delivery.alreadyRecorded': { zh: '该文书已登记送达；如需更正，请使用“更正送达”', en: 'Delivery of this document is already recorded; use “Correct delivery” to change it' },
  'workflow.delivery.notRecorded': { zh: '该文书尚未登记送达，无可更正', en: 'No delivery of this document is recorded, so there is nothing to correct' },
  'workflow.review.wrongLevel': { zh: '复查机关应为原办理机关的上一级单位', en: 'A review goes to the unit one level above the replying unit' },
  'workflow.recheck.wrongLevel': { zh: '复核机关应为复查机关的上一级单位', en: 'A recheck goes to the unit one level above the reviewer' },
  'workflow.unitTreeRequired': { zh: '缺少单位层级信息，无法校验', en: 'The unit tree is needed to check this' },
  'workflow.notAccept.matchRequired': { zh: '以“不再受理”处理的，须关联已复核终结的原事项', en: 'Refusing a repeat needs the earlier rechecked matter' },
  'workflow.merge.self': { zh: '不能将事项合并到其自身', en: 'A matter cannot be merged into itself' },
  'auth.invalidCredentials': { zh: '用户名或密码不正确', en: 'Wrong username or password' },
  'auth.locked': { zh: '该用户名登录失败次数过多，请{minutes}分钟后再试', en: 'Too many failed sign-ins for this username; try again in {minutes} minutes' },
  'auth.required': { zh: '请先登录', en: 'Please sign in' },
  'auth.forbidden': { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  'auth.passwordChangeRequired': { zh: '请先修改初始密码', en: 'Please change your initial password first' },
  'auth.confirmationPending': {
    zh: '账号尚待另一名管理员确认，确认后方可办理业务',
    en: 'This account waits for another administrator to confirm it before it can work on cases',
  },
  'auth.passwordPolicy': {
    zh: '密码须为12–128个字符，包含大写字母、小写字母和数字，且不能包含用户名',
    en: 'A password needs 12–128 characters with upper-case and lower-case letters and digits, and must not contain the username',
  },
  'auth.passwordReused': { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  'auth.currentPasswordWrong': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'admin.usernameTaken': { zh: '该用户名已被使用', en: 'That username is already taken' },
  'admin.staffNotFound': { zh: '未找到该工作人员账号', en: 'Staff account not found' },
  'admin.unitNotFound': { zh: '未找到该单位', en: 'Unit not found' },
  'admin.cannotDisableSelf': { zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  'admin.confirmOwnGrant': {
    zh: '该账号的临时密码由您设置，须由另一名管理员确认',
    en: 'You set this account’s temporary password, so another administrator must confirm it',
  },
  'admin.holderHasNotChosenPassword': {
    zh: '账号持有人尚未设置自己的密码，请待其首次登录改密后再确认',
    en: 'The holder has not yet chosen their own password; confirm after their first sign-in',
  },
  'admin.notAwaitingConfirmation': { zh: '该账号无需确认', en: 'This account does not need confirming' },
  'privacy.valueMissing': { zh: '该信访人未登记此项信息', en: 'This petitioner has no such value on record' },
  'request.rateLimited': { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please wait a moment and try again' },
  'request.rateLimitedFor': { zh: '请求过于频繁，请{seconds}秒后再试', en: 'Too many requests; try again in {seconds} seconds' },
  'request.tooLarge': { zh: '提交的内容过大', en: 'The request is too large' },
  'request.methodNotAllowed': { zh: '不支持该请求方式', en: 'This request method is not supported here' },
  'access.outsideJurisdiction': { zh: '该事项不在您所在单位的管辖范围内', en: 'This record is outside your unit’s jurisdiction' },
  'access.accusationFirewall': { zh: '检举控告事项不向被检举控告的单位和人员公开', en: 'An accusation is never shown to the unit or person it accuses' },
  'access.accuserHidden': { zh: '检举控告人的身份只向有权查看的人员显示', en: 'The accuser’s identity is shown only to roles allowed to see it' },
  'careForm.consentRequired': { zh: '填写健康关爱表前须取得来访人（未满14周岁的由监护人）单独同意', en: 'The visitor’s separate consent (a guardian’s under 14) is needed before a care form' },
  'counselling.staffAnonymous': { zh: '工作人员心理疏导不记录姓名', en: 'Staff counselling is recorded without names' },
  'counselling.groupAnonymous': { zh: '团体辅导只记录主题和人次，不记录姓名', en: 'Group sessions record topic and person-times, not names' },
  'record.notFound': { zh: '未找到该记录', en: 'Record not found' },
  'record.versionConflict': { zh: '该记录已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and try again' },
  'access.recused': { zh: '您已回避该事项', en: 'You are recused from this matter' },
  'visit.tooManyRepresentatives': { zh: '集体访推选代表不得超过5人', en: 'A collective visit may send at most 5 representatives' },
  'visit.personCountTooSmall': { zh: '来访人数少于登记的信访人数', en: 'The person count is smaller than the petitioners listed' },
  'petition.notFound': { zh: '未找到该信访事项', en: 'Petition not found' },
  'petition.versionConflict': {
    zh: '{whoZh}已于{at}对此事项进行了“{whatZh}”，您看到的不是最新情况；页面已更新，请核对后再操作',
    en: '{whoEn} recorded “{whatEn}” on this matter at {at}, after you opened it; the page now shows the latest state — check it and try again',
  },
  'petition.mergeTargetNotFound': { zh: '要合并到的原事项不存在', en: 'The earlier matter to merge into was not found' },
  'registration.personRequired': { zh: '请至少登记一名信访人', en: 'Register at least one petitioner' },
  'registration.headcountTooSmall': { zh: '集体访人数应不少于5人', en: 'A collective visit has at least 5 people' },
  'registration.representativeNotListed': { zh: '代表须为已登记的信访人', en: 'A representative must be one of the persons registered' },
  'registration.hallRequired': { zh: '请选择接待厅', en: 'Choose the reception hall' },
  'unit.notFound': { zh: '所选单位不存在', en: 'That unit does not exist' },
  'calendar.yearMismatch': { zh: '日期须在所导入的年份内', en: 'Every date must fall in the year being loaded' },
  'calendar.dateInBothLists': { zh: '同一天不能既是节假日又是调休工作日', en: 'A day cannot be both a holiday and a make-up workday' },
  'document.notFound': { zh: '未找到该文书', en: 'Document not found' },
  'attachment.notFound': { zh: '未找到该照片', en: 'Photo not found' },
  'kiosk.hallUnknown': { zh: '自助终端配置的接待厅不存在，请联系工作人员', en: 'This kiosk is configured for an unknown hall; please ask staff' },
  'kiosk.consentRequired': { zh: '请阅读并同意个人信息保护告知', en: 'Please read and agree to the privacy notice' },
  'kiosk.organisationNameRequired': { zh: '请填写单位名称', en: 'Enter the organisation’s name' },
  'kiosk.collective.headcount': { zh: '集体反映的人数应为2至10000人', en: 'A collective matter has 2 to 10,000 people' },
  'kiosk.collective.representativeRequired': { zh: '集体反映请至少填写1名代表', en: 'Name at least one representative for a collective matter' },
  'kiosk.collective.tooManyRepresentatives': { zh: '代表不得超过5人', en: 'At most 5 representatives' },
  'kiosk.photo.tooMany': { zh: '最多上传3张照片', en: 'At most 3 photos' },
  'kiosk.photo.notImage': { zh: '只能上传照片（JPG、PNG或WebP图片）', en: 'Only photos (JPG, PNG or WebP images) can be added' },
  'kiosk.photo.tooLarge': { zh: '照片太大，请重新拍摄或选择较小的照片', en: 'This photo is too large; take it again or choose a smaller one' },
  'kiosk.place.unknown': { zh: '所选街道或社区不存在，请重新选择', en: 'That street or community does not exist; please choose again' },
  'kiosk.idempotencyKeyReused': {
    zh: '本次提交的编号已用于另一份不同的材料，请返回首页重新填写提交',
    en: 'This submission’s key was already used for a different submission; please start again',
  },
  'tracking.notFound': {
    zh: '查询码与手机号后4位不匹配，请核对后重新输入；如仍有疑问请咨询工作人员',
    en: 'The tracking code and the last 4 digits do not match; please check them, or ask staff for help',
  },
  'tracking.locked': {
    zh: '该查询码尝试次数过多，已暂停查询，请{minutes}分钟后再试或咨询工作人员',
    en: 'Too many attempts for this tracking code; lookups are paused. Try again in {minutes} minutes or ask staff',
  },
  'tracking.rateLimited': { zh: '本终端查询次数过多，请{seconds}秒后再试', en: 'Too many lookups from this terminal; try again in {seconds} seconds' },
  'tracking.fullMobileRequired': {
    zh: '该查询码近期被多次输错，为保护您的事项，请输入提交时填写的完整手机号码',
    en: 'This tracking code has had many wrong attempts; to protect your matter, enter the full mobile number you gave',
  },
  'tracking.last4.invalid': { zh: '请输入手机号码后4位数字', en: 'Enter the last 4 digits of the mobile number' },
  'tracking.notRateable': { zh: '该事项目前不能评价（尚未答复或已评价）', en: 'This matter cannot be rated now (no reply yet, or already rated)' },
  'tracking.reviewWindowClosed': { zh: '申请复查的30日期限已过', en: 'The 30-day window for a review request has closed' },
  'tracking.reviewNotAvailable': { zh: '该事项目前不能申请复查', en: 'A review cannot be requested for this matter now' },
  'request.duplicate': { zh: '该请求已处理', en: 'This request was already processed' },
  'network.unavailable': { zh: '网络连接中断，请稍后重试', en: 'The network is unavailable; please try again' },
  'server.error': { zh: '系统繁忙，请稍后再试', en: 'Something went wrong; please try again later' },
  'server.unavailable': { zh: '数据库暂时无法连接，请稍后再试', en: 'The database is unavailable for the moment; please try again shortly' },
} as const satisfies Record<string, BilingualMessage>;

export type MessageCode = keyof typeof messages;

export type Language = 'zh' | 'en';

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** True when `code` names a known message. @example isMessageCode('validation.required') // true */
export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(messages, code);
}

/**
 * The text of a message code in one language; unknown codes fall back to the generic message. `{name}` placeholders
 * are filled from `params` (a message that has them is always thrown with them).
 * @example translateMessage('auth.required', 'en') // 'Please sign in'
 * @example translateMessage('tracking.rateLimited', 'en', { seconds: 42 }) // 'Too many lookups from this terminal; try again in 42 seconds'
 */
export function translateMessage(code: string, language: Language, params?: MessageParams): string {
  const text: string = (isMessageCode(code) ? messages[code] : messages['validation.invalid'])[language];
  return params ? text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : placeholder)) : text;
}
