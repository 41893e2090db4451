import { QueryClient, VueQueryPlugin } from '@tanstack/vue-query';
import { flushPromises, mount } from '@vue/test-utils';
import type { AccusedParties } from '@xinfang/domain/workflow/petition-command';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n.ts';
import AccusedPartiesPicker from './accused-parties-picker.vue';

const ids = {
  city: '00000000-0000-4000-8000-000000000001',
  district: '00000000-0000-4000-8000-000000000002',
  street: '00000000-0000-4000-8000-000000000003',
  housing: '00000000-0000-4000-8000-000000000004',
  labour: '00000000-0000-4000-8000-000000000005',
  labourHandler: '00000000-0000-4000-8000-000000000010',
  districtLeader: '00000000-0000-4000-8000-000000000011',
};
const tree = [
  { id: ids.city, parentId: null, kind: 'district', code: '440300', nameZh: '深圳市', nameEn: 'Shenzhen Municipality' },
  { id: ids.district, parentId: ids.city, kind: 'district', code: '440304', nameZh: '福田区', nameEn: 'Futian District' },
  { id: ids.housing, parentId: ids.district, kind: 'department', code: '440304D01', nameZh: '区住房和建设局', nameEn: 'Housing and Construction Bureau' },
  { id: ids.street, parentId: ids.district, kind: 'street', code: '440304001000', nameZh: '南园街道', nameEn: 'Nanyuan Street' },
  { id: ids.labour, parentId: ids.district, kind: 'department', code: '440304D02', nameZh: '区人力资源局', nameEn: 'Human Resources Bureau' },
];
const staffByUnit: Record<string, { id: string; displayName: string; role: string; unitId: string }[]> = {
  [ids.labour]: [{ id: ids.labourHandler, displayName: '王承办', role: 'departmentHandler', unitId: ids.labour }],
  [ids.district]: [{ id: ids.districtLeader, displayName: '李领导', role: 'bureauLeader', unitId: ids.district }],
};
const staffQuery = vi.fn(({ unitId }: { unitId: string }) => Promise.resolve(staffByUnit[unitId] ?? []));

vi.mock('../../api.ts', () => ({
  api: { units: { tree: { query: () => Promise.resolve(tree) }, staff: { query: (input: { unitId: string }) => staffQuery(input) } } },
}));

function mountPicker(modelValue: AccusedParties) {
  const updates: AccusedParties[] = [];
  const wrapper = mount(AccusedPartiesPicker, {
    props: { modelValue, 'onUpdate:modelValue': (value: AccusedParties) => void updates.push(value) },
    global: { plugins: [i18n, [VueQueryPlugin, { queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }) }]] },
    attachTo: document.body,
  });
  return { wrapper, updates };
}

describe('the accused parties picker', () => {
  it('names staff chosen before (at registration) from the directory, departments first, with their unit', async () => {
    const { wrapper } = mountPicker({ unitIds: [ids.housing], staffIds: [ids.labourHandler, ids.districtLeader] });
    for (let round = 0; round < 10 && !wrapper.get('[data-testid="accused-staff-chosen"]').text().includes('李领导'); round += 1) await flushPromises();
    const chosen = wrapper.get('[data-testid="accused-staff-chosen"]').text();
    expect(chosen).toContain('王承办（部门承办人） · 区人力资源局');
    expect(chosen).toContain('李领导（信访局领导） · 福田区');
    // departments were looked through before the district
    const asked = staffQuery.mock.calls.map(([input]) => input.unitId);
    expect(asked.indexOf(ids.labour)).toBeLessThan(asked.indexOf(ids.district));
    wrapper.unmount();
  });

  it('removes a chosen person with the tag, keeping the units and the other people', async () => {
    const { wrapper, updates } = mountPicker({ unitIds: [ids.housing], staffIds: [ids.labourHandler, ids.districtLeader] });
    for (let round = 0; round < 10 && wrapper.findAll('[data-testid="accused-staff-chosen"] .el-tag__close').length < 2; round += 1) await flushPromises();
    await wrapper.findAll('[data-testid="accused-staff-chosen"] .el-tag__close')[0]!.trigger('click');
    expect(updates.at(-1)).toEqual({ unitIds: [ids.housing], staffIds: [ids.districtLeader] });
    wrapper.unmount();
  });
});
