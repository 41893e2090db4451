import { futianDistrict, futianStreets } from '@xinfang/domain/units/unit';

/**
 * Futian District's unit tree (DOMAIN.md §9). Street codes are the statistical codes (no 003). Community
 * names here are placeholders for the demo ("示例社区"), not the real communities; load the real list before
 * production. Department codes are our own (440304D01…).
 */
/**
 * The city above the district: reviews answered by the district are rechecked here (DOMAIN.md §3, one level above the
 * reviewer). The unit kinds have no city level, so it is stored with kind 'district' (as the domain's fixtures do);
 * its path '/440300/' is its own: the district's paths stay '/440304/…', so a city account's queues hold only the
 * matters escalated to the city.
 */
export const city = { code: '440300', nameZh: '深圳市', nameEn: 'Shenzhen Municipality' } as const;

/** The district and its 10 streets are the domain's reference data (DOMAIN.md §9), kept in one place. */
export const district = futianDistrict;

export const streets = futianStreets;

export const departments = [
  { code: '440304D01', nameZh: '区住房和建设局', nameEn: 'Housing and Construction Bureau' },
  { code: '440304D02', nameZh: '区人力资源局', nameEn: 'Human Resources and Social Security Bureau' },
  { code: '440304D03', nameZh: '区卫生健康局', nameEn: 'Health Bureau' },
  { code: '440304D04', nameZh: '福田公安分局', nameEn: 'Public Security Sub-bureau' },
  { code: '440304D05', nameZh: '市场监督管理局福田监管局', nameEn: 'Market Regulation Bureau (Futian)' },
  { code: '440304D06', nameZh: '区城市管理和综合执法局', nameEn: 'Urban Management and Law Enforcement Bureau' },
  { code: '440304D07', nameZh: '区教育局', nameEn: 'Education Bureau' },
  { code: '440304D08', nameZh: '区民政局', nameEn: 'Civil Affairs Bureau' },
  { code: '440304D09', nameZh: '区司法局', nameEn: 'Justice Bureau' },
  { code: '440304D10', nameZh: '市规划和自然资源局福田管理局', nameEn: 'Planning and Natural Resources (Futian)' },
  { code: '440304D11', nameZh: '区发展和改革局', nameEn: 'Development and Reform Bureau' },
  { code: '440304D12', nameZh: '区财政局', nameEn: 'Finance Bureau' },
  { code: '440304D13', nameZh: '市生态环境局福田管理局', nameEn: 'Ecology and Environment (Futian)' },
  { code: '440304D14', nameZh: '区退役军人事务局', nameEn: 'Veterans Affairs Bureau' },
  { code: '440304D15', nameZh: '区水务局', nameEn: 'Water Affairs Bureau' },
] as const;
