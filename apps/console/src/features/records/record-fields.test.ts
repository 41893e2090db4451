import { recordKinds } from '@xinfang/domain/records/record-kinds';
import { describe, expect, it } from 'vitest';
import { checkDraft, describeField, describeFields, emptyDraft, facetFilters, findRecordKind, messageFor, recordKindsFor, serverFieldMessages } from './record-fields.ts';

const careForm = recordKinds.careForm;
const session = recordKinds.counsellingSession;
const allHigh = { sleep: 3, mood: 3, anger: 3, hopelessness: 3, physicalTension: 3, supportNetwork: 3, selfHarmThoughts: 2 };

describe('the generic record screens read the declaration', () => {
  it('finds a kind by its route name and nothing else', () => {
    expect(findRecordKind('careForm')?.kind).toBe(careForm);
    expect(findRecordKind('toString')).toBeUndefined();
    expect(findRecordKind(['careForm'])).toBeUndefined();
  });

  it('lists the studio only for roles a kind lets read', () => {
    expect(recordKindsFor('counsellor', 'read').map((entry) => entry.name)).toEqual(['careForm', 'counsellingSession']);
    expect(recordKindsFor('studioHead', 'read')).toHaveLength(2);
    expect(recordKindsFor('departmentHandler', 'read')).toEqual([]);
    expect(recordKindsFor(undefined, 'read')).toEqual([]);
  });

  it.each([
    [careForm, 'visitorName', 'text', true],
    [careForm, 'consent', 'select', true],
    [careForm, 'filledAt', 'instant', true],
    [careForm, 'questionnaireVersion', 'fixed', false],
    [careForm, 'answers', 'unsupported', true],
    [careForm, 'petitionIds', 'petitions', false],
    [careForm, 'notes', 'textarea', false],
    [session, 'personCount', 'number', true],
    [session, 'topic', 'text', false],
    [session, 'outcomes', 'multiSelect', false],
    [session, 'followUpOn', 'day', false],
  ] as const)('asks for %s.%s with a %s control (required: %s)', (kind, key, control, required) => {
    const field = describeField(kind, key);
    expect(field.control.control).toBe(control);
    expect(field.required).toBe(required);
  });

  it('labels enums with the domain tables, found by the enum schema', () => {
    const stage = describeField(session, 'stage').control;
    expect(stage.control === 'select' && stage.options.map((option) => option.label?.zh)).toEqual(['访前', '访中', '访后']);
    const outcomes = describeField(session, 'outcomes').control;
    expect(outcomes.control === 'multiSelect' && outcomes.options[0]?.label?.zh).toBe('情绪平复');
    // consent has no domain table: the console's locale names it
    const consent = describeField(careForm, 'consent').control;
    expect(consent.control === 'select' && consent.options.map((option) => option.label)).toEqual([undefined, undefined]);
  });

  it('offers each declared facet filter with its values', () => {
    expect(facetFilters(careForm)).toEqual([
      {
        key: 'grade',
        label: undefined,
        options: [
          { value: 'stable', label: { zh: '情绪稳定', en: 'Stable' } },
          { value: 'attention', label: { zh: '需要关注', en: 'Needs attention' } },
          { value: 'highRisk', label: { zh: '高风险', en: 'High risk' } },
        ],
      },
    ]);
    expect(facetFilters(session).map((filter) => [filter.key, filter.label?.zh, filter.options.length])).toEqual([
      ['stage', '阶段', 3],
      ['format', '形式', 2],
      ['subject', '对象', 2],
    ]);
  });

  it('starts a draft with now, empty lists and an empty questionnaire', () => {
    const now = new Date('2026-12-01T02:03:04.567Z');
    expect(emptyDraft(careForm, now)).toEqual({ filledAt: '2026-12-01T02:03:04Z', answers: {}, petitionIds: [] });
    expect(emptyDraft(session, now)).toEqual({ heldAt: '2026-12-01T02:03:04Z', outcomes: [], petitionIds: [] });
    expect(describeFields(careForm).map((field) => field.key)).toEqual(Object.keys(careForm.fields));
  });
});

describe('checking a draft with the kind’s schema', () => {
  it('says which fields are missing or wrong, in the person’s language', () => {
    const checked = checkDraft(careForm, { visitorName: '  ', filledAt: 'yesterday', answers: { sleep: 1 }, petitionIds: [] }, 'zh');
    expect(checked.ok).toBe(false);
    const messages = checked.ok ? {} : checked.fieldMessages;
    expect(messages.visitorName).toBe('此项为必填项');
    expect(messages.consent).toBe('填写健康关爱表前须取得来访人（未满14周岁的由监护人）单独同意');
    expect(messages.filledAt).toBe('时间格式不正确');
    expect(messages['answers.mood']).toBe('此项为必填项');
    expect(messageFor(messages, 'answers')).toBe('此项为必填项');
    expect(checkDraft(session, { heldAt: '2026-12-01T10:00:00+08:00' }, 'en')).toMatchObject({ ok: false, fieldMessages: { stage: 'This field is required', personCount: 'This field is required' } });
  });

  it('applies the kind’s own rules (a group session is nameless) and sends the parsed payload', () => {
    const group = { heldAt: '2026-12-01T10:00:00+08:00', stage: 'afterVisit', format: 'group', subject: 'staff', personCount: 23, topic: '减压沙龙', outcomes: [], petitionIds: [] };
    expect(checkDraft(session, { ...group, visitorName: '张三' }, 'zh')).toMatchObject({ ok: false, fieldMessages: { visitorName: '工作人员心理疏导不记录姓名' } });
    expect(checkDraft(session, { ...group, visitorName: '', notes: '' }, 'zh')).toEqual({ ok: true, payload: group });
    const form = checkDraft(careForm, { visitorName: ' 李四 ', consent: 'visitor', filledAt: '2026-12-01T10:00:00+08:00', answers: allHigh, petitionIds: [] }, 'zh');
    expect(form).toMatchObject({ ok: true, payload: { visitorName: '李四', questionnaireVersion: 1 } });
  });

  it('keys the server’s update messages like the form’s fields', () => {
    expect(serverFieldMessages({ 'payload.visitorName': '内容过长', id: '输入内容不正确' })).toEqual({ visitorName: '内容过长', id: '输入内容不正确' });
  });
});
