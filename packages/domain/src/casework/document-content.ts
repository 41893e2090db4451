import { claimRouteLabels } from '../petition/claim-route.ts';
import { notAcceptReasonLabels } from '../petition/not-accept-reason.ts';
import { petitionClassLabels } from '../petition/petition.ts';
import { appealOutcomeLabels, replyOutcomeLabels } from '../records/reply.ts';
import type { PetitionCommandInput } from '../workflow/petition-command.ts';
import type { PetitionState } from '../workflow/petition-state.ts';
import { documentKindLabels, type DocumentKind, type PetitionDocument } from './documents.ts';

type Section = PetitionDocument['sections'][number];

function dateText(instant: Date | string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(instant));
  return parts;
}

/** A unit as a notice names it. */
export interface DocumentUnit {
  id: string;
  kind: string;
  nameZh: string;
}

/** The facts of the matter a notice repeats. */
export interface DocumentMatter {
  petitionId: string;
  trackingCode: string;
  summary: string;
  receivedAt: Date | string;
  isCollective: boolean;
  headcount: number;
  petitionerName: string;
}

/**
 * The issuing organ's name as printed: a district (or the city above it) or street acts through its petition bureau
 * / office.
 * @example organName({ id, kind: 'district', nameZh: '福田区' }) // '福田区信访局'
 */
export function organName(unit: DocumentUnit | undefined): string {
  if (!unit) return '';
  if (unit.kind === 'district') return `${unit.nameZh}信访局`;
  if (unit.kind === 'street') return `${unit.nameZh}办事处`;
  return unit.nameZh;
}

/** What a step's notice is made from: the matter, the petition before and after the step, and the step's command. */
export interface DocumentInput {
  kind: DocumentKind;
  matter: DocumentMatter;
  before: PetitionState;
  after: PetitionState;
  command: PetitionCommandInput;
  units: readonly DocumentUnit[];
  now: Date;
  serialNumber: string;
}

function issuingUnitIdOf(input: DocumentInput, actorUnitFallback: string): string {
  switch (input.kind) {
    case 'receipt':
    case 'extension':
    case 'reply':
      return input.after.routedTo?.unitId ?? actorUnitFallback;
    case 'reviewAnswer':
      return input.after.reviewingUnitId ?? actorUnitFallback;
    case 'recheckAnswer':
      return input.after.recheckingUnitId ?? actorUnitFallback;
    default:
      return input.after.hallUnitId;
  }
}

function sectionsOf(input: DocumentInput, receivedOn: string, unitName: string): Section[] {
  const { command } = input;
  const opening = { text: `你（们）于${receivedOn}反映的“${input.matter.summary}”一事（查询码 ${input.matter.trackingCode}），` };
  switch (command.action) {
    case 'triage': {
      const route = command.claimRoute ? claimRouteLabels[command.claimRoute].zh : '—';
      return [
        { text: `${opening.text}经访前法律工作室甄别，现将有关事项告知如下：` },
        { heading: '一、事项类别', text: `${petitionClassLabels[command.petitionClass].zh}；处理途径：${route}。` },
        { heading: '二、能否通过信访渠道办理', text: command.canHandle ? '可以依照《信访工作条例》通过信访渠道办理。' : '不宜通过信访渠道办理，请按下列指引依法通过相应途径解决。' },
        { heading: '三、办理指引', text: command.guidance },
        ...(command.legalBasis ? [{ heading: '四、法律依据', text: command.legalBasis }] : []),
      ];
    }
    case 'divert':
      return [
        { text: `${opening.text}属于应当通过${claimRouteLabels[command.destination].zh}解决的事项。根据《信访工作条例》第三十一条，请你依法向有关机关提出。` },
        { text: command.noticeText },
      ];
    case 'acknowledgeReceipt':
      return [{ text: `${opening.text}本机关已于${dateText(input.now)}收到。根据《信访工作条例》第二十三条，现告知你：该事项已予受理，本机关将自受理之日起60日内办结（情况复杂的，经批准可适当延长，延长期限不超过30日）。` }, { text: command.noticeText }];
    case 'notAccept':
      return [
        { text: `${opening.text}经审查，${notAcceptReasonLabels[command.reason].zh}。根据《信访工作条例》有关规定，${command.reason === 'repeatAfterRecheck' ? '对同一事实和理由提出的信访事项，不再受理' : '决定不予受理'}。` },
        { text: command.noticeText },
      ];
    case 'approveExtension':
      return [{ text: `${opening.text}因情况复杂，经本机关负责人批准，办理期限延长${command.days}日。延期理由：${command.reason}` }];
    case 'reply':
      return [
        { text: `${opening.text}本机关已依法办理。现提出处理意见如下：` },
        { heading: '一、查明的事实', text: command.facts },
        { heading: '二、处理意见', text: replyOutcomeLabels[command.outcome].zh },
        { heading: '三、依据', text: command.legalBasis },
        { heading: '四、救济途径', text: `你如对本处理意见不服，可以自收到本意见书之日起30日内，向${unitName ? '本机关的上一级机关' : '上一级机关'}请求复查。` },
      ];
    case 'answerReview':
      return [
        { text: `${opening.text}你不服原处理意见，提出复查请求。本机关经复查，决定：${appealOutcomeLabels[command.outcome].zh}原处理意见。` },
        { heading: '复查意见', text: command.text },
        { heading: '救济途径', text: '你如对本复查意见不服，可以自收到本意见书之日起30日内，向复查机关的上一级机关请求复核。' },
      ];
    case 'answerRecheck':
      return [
        { text: `${opening.text}你不服复查意见，提出复核请求。本机关经复核，决定：${appealOutcomeLabels[command.outcome].zh}复查意见。` },
        { heading: '复核意见', text: command.text },
        { text: '复核意见为终结意见。你对同一事实和理由再次提出信访的，信访部门和其他行政机关不再受理。' },
      ];
    default:
      return [opening];
  }
}

/**
 * The frozen content of a notice: everything printed on it, fixed at the moment of issue. Pure: the workflow service
 * and the demo seed both issue notices with it.
 * @example buildDocumentContent({ kind: 'receipt', matter, before, after, command, units, now, serialNumber }).document.title // '受理告知书'
 */
export function buildDocumentContent(input: DocumentInput): { issuingUnitId: string; document: Omit<PetitionDocument, 'id'> } {
  const issuingUnitId = issuingUnitIdOf(input, input.after.hallUnitId);
  const unit = input.units.find((candidate) => candidate.id === issuingUnitId);
  const receivedOn = dateText(input.matter.receivedAt);
  const issuingUnitName = organName(unit);
  return {
    issuingUnitId,
    document: {
      petitionId: input.matter.petitionId,
      kind: input.kind,
      title: documentKindLabels[input.kind].zh,
      serialNumber: input.serialNumber,
      issuedAt: input.now.toISOString(),
      dateText: dateText(input.now),
      issuingUnitName,
      addressee: input.matter.isCollective ? `${input.matter.petitionerName}等${input.matter.headcount}人` : input.matter.petitionerName,
      trackingCode: input.matter.trackingCode,
      summary: input.matter.summary,
      receivedOn,
      sections: sectionsOf(input, receivedOn, issuingUnitName),
    },
  };
}
