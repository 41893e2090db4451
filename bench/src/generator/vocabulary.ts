/**
 * The words synthetic matters are made of. Every matter is marked 【合成数据】 and every person 合成信访人NNNNNNN, so
 * nobody can mistake the data set for real petitions. Topic weights make some words common and some rare, so the
 * search benchmark sees both.
 */
export interface Topic {
  summary: string;
  detail: string;
  request: string;
  /** relative frequency */
  weight: number;
  /** the department that usually handles it (index into the reference departments, 0-based) */
  department: number;
  litigation: boolean;
}

export const topics: readonly Topic[] = [
  { summary: '小区电梯长期故障无人维修', detail: '电梯多次困人，物业公司推诿，维修资金申请迟迟没有结果', request: '要求尽快维修电梯', weight: 8, department: 0, litigation: false },
  { summary: '公司拖欠工资三个月', detail: '工厂停产后老板失联，拖欠工资和社保未缴，多次讨要无果', request: '要求协调支付拖欠工资', weight: 9, department: 1, litigation: true },
  { summary: '商铺噪音扰民', detail: '楼下酒吧夜间噪音超标，影响老人和孩子休息', request: '要求依法查处噪音', weight: 6, department: 12, litigation: false },
  { summary: '学位申请材料被退回', detail: '积分入学材料被退回，学校未说明具体原因', request: '要求说明理由并重新审核', weight: 5, department: 6, litigation: false },
  { summary: '医保报销比例有疑问', detail: '住院费用报销比例与政策宣传不一致', request: '要求复核报销金额', weight: 3, department: 2, litigation: false },
  { summary: '道路占道经营影响通行', detail: '早晚市摊贩占用人行道，行人只能走机动车道', request: '要求清理占道经营', weight: 5, department: 5, litigation: false },
  { summary: '旧改项目补偿标准有异议', detail: '城市更新项目补偿标准低于周边项目，签约过程不透明', request: '要求公开补偿标准', weight: 4, department: 9, litigation: true },
  { summary: '社区养老服务申请未答复', detail: '申请居家养老服务补贴两个月未获答复', request: '要求尽快审批', weight: 3, department: 7, litigation: false },
  { summary: '餐饮油烟排放扰民', detail: '餐馆油烟直排居民楼，夏天无法开窗', request: '要求安装净化设备', weight: 4, department: 12, litigation: false },
  { summary: '预付卡商家关门要求退款', detail: '健身房突然关门，会员卡余额无法退还', request: '要求协调退款', weight: 4, department: 4, litigation: true },
  { summary: '物业费收费标准不合理', detail: '物业费上涨未经业主大会表决，服务质量下降', request: '要求核查物业费标准', weight: 5, department: 0, litigation: false },
  { summary: '违章搭建影响采光', detail: '邻居在天台违章搭建，遮挡窗户采光', request: '要求拆除违章建筑', weight: 3, department: 5, litigation: false },
  { summary: '工伤认定迟迟未办结', detail: '工伤认定申请提交后超过法定期限未作结论', request: '要求尽快作出工伤认定', weight: 2, department: 1, litigation: true },
  { summary: '房屋租赁合同纠纷', detail: '房东提前收回房屋不退押金，双方协商不成', request: '要求退还押金', weight: 3, department: 8, litigation: true },
  { summary: '小区积水排水不畅', detail: '暴雨后地下车库积水，排水管网长期堵塞', request: '要求疏通排水管网', weight: 2, department: 14, litigation: false },
  { summary: '退役军人优抚待遇咨询', detail: '对优抚金发放标准有疑问，多次咨询未获明确答复', request: '要求书面答复', weight: 1, department: 13, litigation: false },
  { summary: '食品安全问题举报', detail: '超市销售过期食品，购买后出现身体不适', request: '要求依法查处', weight: 2, department: 4, litigation: false },
  { summary: '邻里纠纷长期未化解', detail: '楼上漏水导致天花板损坏，双方多次争吵', request: '要求组织调解', weight: 3, department: 8, litigation: false },
  { summary: '建议增设公交站点', detail: '新建小区周边缺少公交站点，居民出行不便', request: '建议增设站点', weight: 2, department: 10, litigation: false },
  { summary: '低保申请被驳回', detail: '家庭收入符合条件但低保申请被驳回', request: '要求重新审核低保资格', weight: 2, department: 7, litigation: false },
];

/** Rare phrases mixed into a few matters (about 1 in 500), for selective searches. */
export const rarePhrases = ['高空抛物', '共享单车乱停放', '装修甲醛超标', '充电桩安装受阻', '宠物犬伤人'];

export const fillers = [
  '多次向有关部门反映未果',
  '情况属实，有照片为证',
  '希望政府重视',
  '已拨打热线电话',
  '涉及居民约二十户',
  '问题已持续一年多',
  '附上相关材料',
  '请尽快处理',
];
