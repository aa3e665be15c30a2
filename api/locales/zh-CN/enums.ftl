### 枚举值的显示名称：每个 GraphQL 枚举值一条，键为 enum-<枚举名>-<值>，按 schema.graphql 的顺序排列。键与 en/enums.ftl 一一对应。

## AccountRole
enum-AccountRole-SECRETARIAT = 秘书处
enum-AccountRole-SCHOOL_STAFF = 院校工作人员
enum-AccountRole-ENTERPRISE_STAFF = 企业工作人员
enum-AccountRole-COMMITTEE_STAFF = 专门工作委员会工作人员
enum-AccountRole-EVALUATOR = 第三方评估机构

## ApprenticeshipMode
enum-ApprenticeshipMode-WORK_STUDY_ALTERNATION = 工学交替
enum-ApprenticeshipMode-FULL_TIME_OFF_JOB = 脱产
enum-ApprenticeshipMode-PART_TIME = 半脱产

## ApprenticeshipStatus
enum-ApprenticeshipStatus-ACTIVE = 进行中
enum-ApprenticeshipStatus-COMPLETED = 已完成
enum-ApprenticeshipStatus-TERMINATED = 提前终止
enum-ApprenticeshipStatus-WITHDRAWN = 已撤回（不再使用）

## ArrangedBy
enum-ArrangedBy-SCHOOL = 学校
enum-ArrangedBy-HOST = 实习单位
enum-ArrangedBy-STUDENT = 学生本人
enum-ArrangedBy-INTERMEDIARY = 中介机构

## CommitteeKind
enum-CommitteeKind-COUNCIL = 理事会
enum-CommitteeKind-STANDING_COUNCIL = 常务理事会
enum-CommitteeKind-WORKING_COMMITTEE = 专门工作委员会
enum-CommitteeKind-TEACHING_STAFF_COMMITTEE = 师资建设委员会

## CommitteeRole
enum-CommitteeRole-CHAIR = 主任/理事长
enum-CommitteeRole-DEPUTY = 副主任/副理事长
enum-CommitteeRole-MEMBER = 委员/理事

## ComplianceRule
enum-ComplianceRule-SCHOOL_IN_FACTORY_BASE = 建有厂中校实训基地
enum-ComplianceRule-PRACTICE_STATION_WITH_POSTS = 教师活动站设有实践岗位
enum-ComplianceRule-CAREER_MENTOR = 确定职业规划导师
enum-ComplianceRule-CAMPUS_VISIT = 参加企业进校园
enum-ComplianceRule-TEACHERS_SENT_TO_PRACTICE = 选派教师入企实践
enum-ComplianceRule-JOB_RECOMMENDATION_EVENT = 开展毕业生就业推荐

## CouncilRole
enum-CouncilRole-CHAIR = 理事长单位
enum-CouncilRole-VICE_CHAIR = 副理事长单位
enum-CouncilRole-STANDING_MEMBER = 常务理事单位
enum-CouncilRole-MEMBER = 理事单位

## CraftsmanRole
enum-CraftsmanRole-PART_TIME_TEACHER = 兼职专业课教师
enum-CraftsmanRole-INTERNSHIP_SUPERVISOR = 实习指导老师

## DemandEventKind
enum-DemandEventKind-CREATED = 创建草稿
enum-DemandEventKind-UPDATED = 修改
enum-DemandEventKind-POSTED = 发布
enum-DemandEventKind-JOINED = 企业加入
enum-DemandEventKind-MATCHED = 匹配完成
enum-DemandEventKind-REOPENED = 重新开放
enum-DemandEventKind-CLOSED = 关闭
enum-DemandEventKind-WITHDRAWN = 撤回

## DemandStatus
enum-DemandStatus-DRAFT = 草稿
enum-DemandStatus-OPEN = 开放中
enum-DemandStatus-MATCHED = 已匹配
enum-DemandStatus-CLOSED = 已关闭
enum-DemandStatus-WITHDRAWN = 已撤回

## District
enum-District-HUANCUI = 环翠区
enum-District-WENDENG = 文登区
enum-District-RONGCHENG = 荣成市
enum-District-RUSHAN = 乳山市
enum-District-TORCH_HIGH_TECH_ZONE = 高区
enum-District-ECONOMIC_DEVELOPMENT_ZONE = 经区
enum-District-LINGANG_ZONE = 临港经济技术开发区
enum-District-NANHAI_NEW_AREA = 南海新区

## EventKind
enum-EventKind-CAMPUS_VISIT = 企业进校园
enum-EventKind-PARENTS_VISIT = 家长企业行
enum-EventKind-ENTERPRISE_WEEK = 企业宣传周
enum-EventKind-JOB_RECOMMENDATION = 毕业生就业推荐
enum-EventKind-CAREER_CLASS = 职业规划课
enum-EventKind-SKILLS_COMPETITION = 技能大赛
enum-EventKind-TECHNICAL_EDUCATION_WEEK = 职业教育活动周
enum-EventKind-WORLD_YOUTH_SKILLS_DAY = 世界青年技能日
enum-EventKind-MODEL_WORKERS_ON_CAMPUS = 劳模工匠进校园
enum-EventKind-FIRST_LESSON = 开学第一课

## EventRole
enum-EventRole-ORGANISER = 组织方
enum-EventRole-PARTICIPANT = 参与方

## Gender
enum-Gender-MALE = 男
enum-Gender-FEMALE = 女

## MemberUnitKind
enum-MemberUnitKind-TECHNICIAN_COLLEGE = 技师学院
enum-MemberUnitKind-SENIOR_TECHNICAL_SCHOOL = 高级技工学校
enum-MemberUnitKind-TECHNICAL_SCHOOL = 技工学校
enum-MemberUnitKind-VOCATIONAL_COLLEGE = 职业学院（高职）
enum-MemberUnitKind-SECONDARY_VOCATIONAL_SCHOOL = 中等职业学校（中职）
enum-MemberUnitKind-ENTERPRISE = 企业
enum-MemberUnitKind-HR_SERVICE_AGENCY = 人力资源服务机构
enum-MemberUnitKind-TRAINING_INSTITUTION = 培训机构
enum-MemberUnitKind-PUBLIC_INSTITUTION = 事业单位
enum-MemberUnitKind-RESEARCH_INSTITUTE = 科研院所
enum-MemberUnitKind-INDUSTRY_ASSOCIATION = 行业协会

## MemberUnitOrderField
enum-MemberUnitOrderField-LIST_ORDER = 名单顺序
enum-MemberUnitOrderField-NAME = 单位名称
enum-MemberUnitOrderField-UPDATED_AT = 最近更新时间

## OrderClassEventKind
enum-OrderClassEventKind-PROPOSED = 学校提出
enum-OrderClassEventKind-UPDATED = 方案修改
enum-OrderClassEventKind-ACCEPTED = 确认方案
enum-OrderClassEventKind-AGREED = 各方确认
enum-OrderClassEventKind-RECRUITING = 开始招生
enum-OrderClassEventKind-IN_TRAINING = 开始培养
enum-OrderClassEventKind-GRADUATED = 毕业
enum-OrderClassEventKind-CANCELLED = 取消
enum-OrderClassEventKind-ENROLLED = 学生入班
enum-OrderClassEventKind-AGREEMENT_SIGNED = 签订预就业协议

## OrderClassRule
enum-OrderClassRule-ENTERPRISE_HOURS_AT_LEAST_HALF = 车间课时不少于50%
enum-OrderClassRule-CORE_PRACTICE_AT_LEAST_150_PERCENT = 核心技能实训增加50%以上
enum-OrderClassRule-SEATS_POSITIVE = 计划名额大于0
enum-OrderClassRule-SPONSOR_SEATS_MATCH_PLAN = 企业名额合计等于计划名额
enum-OrderClassRule-SPONSORS_ARE_ENTERPRISES = 订单企业均为非院校成员

## OrderClassStatus
enum-OrderClassStatus-PROPOSED = 已提出
enum-OrderClassStatus-AGREED = 已商定
enum-OrderClassStatus-RECRUITING = 招生中
enum-OrderClassStatus-IN_TRAINING = 培养中
enum-OrderClassStatus-GRADUATED = 已毕业
enum-OrderClassStatus-CANCELLED = 已取消

## OrderDirection
enum-OrderDirection-ASC = 升序
enum-OrderDirection-DESC = 降序

## OutcomeStatus
enum-OutcomeStatus-EMPLOYED = 已就业
enum-OutcomeStatus-FURTHER_STUDY = 升学
enum-OutcomeStatus-NOT_YET_EMPLOYED = 待就业

## PlacementRule
enum-PlacementRule-AGREEMENT_REQUIRED = 须签订三方协议
enum-PlacementRule-CONSENT_REQUIRED = 须知情同意
enum-PlacementRule-SCHOOL_APPROVAL_REQUIRED = 学生自行联系的实习须经学校审核同意
enum-PlacementRule-FIRST_YEAR_STUDENT = 一年级学生不得岗位实习
enum-PlacementRule-UNDER_16 = 须年满16周岁
enum-PlacementRule-MINOR_FORBIDDEN_WORK = 未成年人不得从事禁忌劳动
enum-PlacementRule-FEMALE_FORBIDDEN_WORK = 女学生不得从事女职工禁忌劳动
enum-PlacementRule-FORBIDDEN_VENUE = 不得在营业性娱乐场所实习
enum-PlacementRule-INTERMEDIARY = 不得通过中介机构安排
enum-PlacementRule-HEAVY_LABOUR = 不得从事三级以上体力劳动强度的工作
enum-PlacementRule-PAY_BELOW_FLOOR = 报酬不低于同岗工资80%
enum-PlacementRule-NO_NIGHT_OR_OVERTIME = 不得安排夜班和加班
enum-PlacementRule-INSURANCE_REQUIRED = 须投保实习责任保险
enum-PlacementRule-RATIO_HOST = 实习生不超过职工总数10%
enum-PlacementRule-RATIO_POST = 同岗实习生不超过20%
enum-PlacementRule-DURATION = 岗位实习一般为6个月
enum-PlacementRule-NO_FEES = 不得收取费用或扣押证件

## PlacementStatus
enum-PlacementStatus-PLANNED = 计划中
enum-PlacementStatus-ACTIVE = 实习中
enum-PlacementStatus-COMPLETED = 已完成
enum-PlacementStatus-TERMINATED = 提前终止

## RetentionGroup
enum-RetentionGroup-SCHOOL = 按学校
enum-RetentionGroup-DISTRICT = 按区市
enum-RetentionGroup-SPECIALTY = 按专业

## Severity
enum-Severity-BLOCKING = 阻断
enum-Severity-WARNING = 警告

## SiteKind
enum-SiteKind-FACTORY_IN_SCHOOL = 校中厂
enum-SiteKind-SCHOOL_IN_FACTORY = 厂中校
enum-SiteKind-PUBLIC_TRAINING_BASE = 公共实训基地
enum-SiteKind-INDUSTRY_EDUCATION_BASE = 产教融合实训基地

## SiteStatus
enum-SiteStatus-PLANNED = 建设中
enum-SiteStatus-OPERATING = 运行中
enum-SiteStatus-CLOSED = 已关闭

## TargetGroup
enum-TargetGroup-REGULAR = 普通学生
enum-TargetGroup-UNEMPLOYED_YOUTH = 失业青年
enum-TargetGroup-MIGRANT_WORKER = 农民工

## Term
enum-Term-SPRING = 春季学期
enum-Term-AUTUMN = 秋季学期

## UnitCategory
enum-UnitCategory-SCHOOL = 院校
enum-UnitCategory-ENTERPRISE = 企业
enum-UnitCategory-OTHER = 其他

## UserErrorCode
enum-UserErrorCode-BLANK = 必填项为空
enum-UserErrorCode-TOO_LONG = 文本过长
enum-UserErrorCode-TOO_LARGE = 数值或数量超限
enum-UserErrorCode-INVALID = 格式无效
enum-UserErrorCode-TAKEN = 已被占用
enum-UserErrorCode-INVALID_CREDIT_CODE = 统一社会信用代码无效
enum-UserErrorCode-MUST_BE_NON_NEGATIVE = 不能为负数
enum-UserErrorCode-NOT_FOUND = 对象不存在
enum-UserErrorCode-INVALID_CREDENTIALS = 邮箱或密码错误
enum-UserErrorCode-NOT_A_COMMITTEE_MEMBER = 非该委员会成员
enum-UserErrorCode-KIND_CONFLICTS_WITH_ACCOUNTS = 单位类型与账号冲突
enum-UserErrorCode-MUST_BE_POSITIVE = 须至少为1
enum-UserErrorCode-INVALID_TRANSITION = 当前状态不允许此操作
enum-UserErrorCode-CANNOT_JOIN_OWN_DEMAND = 不能加入本企业需求
enum-UserErrorCode-ALREADY_JOINED = 已加入该需求
enum-UserErrorCode-NOT_A_SCHOOL = 非院校单位
enum-UserErrorCode-DEMAND_NOT_OPEN = 需求未开放
enum-UserErrorCode-SPONSOR_NOT_IN_DEMAND = 订单企业未参与该需求
enum-UserErrorCode-SPONSOR_NOT_ENTERPRISE = 该单位不能作为订单企业
enum-UserErrorCode-DUPLICATE_SPONSOR = 订单企业重复
enum-UserErrorCode-SPONSOR_SEATS_MISMATCH = 企业名额合计与计划不符
enum-UserErrorCode-ENTERPRISE_HOURS_BELOW_HALF = 车间课时不足50%
enum-UserErrorCode-CORE_PRACTICE_BELOW_150 = 核心技能实训不足150%
enum-UserErrorCode-TARGET_GROUP_NOT_ALLOWED = 招生对象未开放
enum-UserErrorCode-AGE_LIMIT_EXCEEDED = 超过年龄限制
enum-UserErrorCode-ALREADY_ENROLLED = 学生已入班
enum-UserErrorCode-CLASS_FULL = 名额已满
enum-UserErrorCode-NOT_A_SPONSOR = 非订单企业
enum-UserErrorCode-GUARDIAN_SIGNATURE_REQUIRED = 须监护人签字
enum-UserErrorCode-INVALID_NATIONAL_ID = 身份证号无效
enum-UserErrorCode-AGREEMENT_REQUIRED = 未签订三方协议
enum-UserErrorCode-CONSENT_REQUIRED = 未取得知情同意
enum-UserErrorCode-SCHOOL_APPROVAL_REQUIRED = 未经学校审核同意
enum-UserErrorCode-FIRST_YEAR_STUDENT = 年级不允许岗位实习
enum-UserErrorCode-UNDER_16 = 未满16周岁
enum-UserErrorCode-MINOR_FORBIDDEN_WORK = 未成年人禁忌劳动
enum-UserErrorCode-FEMALE_FORBIDDEN_WORK = 女职工禁忌劳动
enum-UserErrorCode-FORBIDDEN_VENUE = 禁止的实习场所
enum-UserErrorCode-INTERMEDIARY = 通过中介安排
enum-UserErrorCode-HEAVY_LABOUR = 体力劳动强度过高
enum-UserErrorCode-PAY_BELOW_FLOOR = 报酬低于同岗工资80%
enum-UserErrorCode-NO_NIGHT_OR_OVERTIME = 安排夜班或加班
enum-UserErrorCode-INSURANCE_REQUIRED = 责任保险未全程覆盖
enum-UserErrorCode-MALFORMED_FILE = 文件无法读取
enum-UserErrorCode-TOO_MANY_ROWS = 行数超过上限
enum-UserErrorCode-WRONG_HOST_KIND = 举办单位类型不符
enum-UserErrorCode-FIRM_PARTNER_REQUIRED = 须有合作企业
enum-UserErrorCode-NO_PRACTICE_POST_LEFT = 实践岗位已满
enum-UserErrorCode-SITE_NOT_OF_PLACEMENT = 实训基地不属于该校或实习单位
enum-UserErrorCode-NOT_AN_ENTERPRISE = 不是企业
enum-UserErrorCode-NOT_A_TRAINING_PROVIDER = 不是培训单位

## VenueType
enum-VenueType-WORKSHOP = 车间
enum-VenueType-OFFICE = 办公室
enum-VenueType-RETAIL = 门店
enum-VenueType-HOSPITALITY = 酒店餐饮
enum-VenueType-HEALTH_CARE = 医院/养老机构
enum-VenueType-CONSTRUCTION_SITE = 工地
enum-VenueType-LABORATORY = 实验室
enum-VenueType-BAR_OR_NIGHTCLUB = 酒吧、夜总会
enum-VenueType-KTV = 歌厅/KTV
enum-VenueType-BATH_CENTRE = 洗浴中心
enum-VenueType-GAME_HALL = 电子游戏厅
enum-VenueType-INTERNET_CAFE = 网吧
enum-VenueType-OTHER = 其他

## MentorQualification
enum-MentorQualification-SENIOR_TECHNICIAN = 高级技师
enum-MentorQualification-MANAGER = 管理人员
enum-MentorQualification-OTHER = 其他

## OrderClassDemandRole
enum-OrderClassDemandRole-POSTER = 发布方
enum-OrderClassDemandRole-JOINER = 联合方

## OrderClassRole
enum-OrderClassRole-SCHOOL = 办班学校
enum-OrderClassRole-SPONSOR = 合作企业

## InternshipPlacementRole
enum-InternshipPlacementRole-SCHOOL = 学生所在学校
enum-InternshipPlacementRole-HOST = 实习单位

## TrainingSiteRole
enum-TrainingSiteRole-HOST = 承建方
enum-TrainingSiteRole-PARTNER = 合作方

## TeacherPracticeRole
enum-TeacherPracticeRole-SCHOOL = 教师所在学校
enum-TeacherPracticeRole-HOST = 接收企业

## ApprenticeshipRole
enum-ApprenticeshipRole-FIRM = 用人企业
enum-ApprenticeshipRole-SCHOOL = 合作院校

## AuditSource
enum-AuditSource-API = 接口请求
enum-AuditSource-IMPORT = 批量导入
enum-AuditSource-CLI = 命令行
enum-AuditSource-SYSTEM = 系统

## AuditAction
enum-AuditAction-CREATE = 新增
enum-AuditAction-UPDATE = 修改
enum-AuditAction-DELETE = 删除
enum-AuditAction-READ = 查阅个人信息

## EvaluationIndicator
enum-EvaluationIndicator-SCHOOL_IN_FACTORY_BASE = 厂中校实训基地运行
enum-EvaluationIndicator-PRACTICE_STATION_WITH_POSTS = 教师活动站提供实践岗位
enum-EvaluationIndicator-CAREER_MENTOR = 选派职业规划导师
enum-EvaluationIndicator-CAMPUS_VISIT = 参加企业进校园
enum-EvaluationIndicator-TEACHERS_SENT_TO_PRACTICE = 选派教师入企实践
enum-EvaluationIndicator-JOB_RECOMMENDATION_EVENT = 举办毕业生就业推荐活动
enum-EvaluationIndicator-RETENTION_IN_WEIHAI = 毕业生留威就业
enum-EvaluationIndicator-INTERNSHIP_POSTS = 实习岗位（职工总数2%）
enum-EvaluationIndicator-PARENTS_VISIT_EACH_TERM = 每学期举办家长企业行
enum-EvaluationIndicator-ENTERPRISE_WEEK_EACH_TERM = 每学期举办企业宣传周
enum-EvaluationIndicator-ORDER_CLASS_GRADUATES_HIRED = 订单班毕业生到订单企业就业
enum-EvaluationIndicator-CULTURE_CORRIDOR = 企业文化长廊

## EvaluationItemKind
enum-EvaluationItemKind-COMPUTED = 计算
enum-EvaluationItemKind-SCORED = 评分

## EvaluationScorer
enum-EvaluationScorer-COMMITTEE = 专门工作委员会
enum-EvaluationScorer-EVALUATOR = 第三方评估机构

## EvaluationStatus
enum-EvaluationStatus-DRAFT = 草稿
enum-EvaluationStatus-SELF_ASSESSMENT = 自评
enum-EvaluationStatus-REVIEW = 评审
enum-EvaluationStatus-PUBLISHED = 已发布
enum-EvaluationStatus-REOPENED = 重新开启

## TargetIndicator
enum-TargetIndicator-INDUSTRY_EDUCATION_BASES = 产教融合实训基地
enum-TargetIndicator-PUBLIC_TRAINING_BASES = 公共实训基地
enum-TargetIndicator-SCHOOL_IN_FACTORY_BASES = 厂中校实训基地
enum-TargetIndicator-FACTORY_IN_SCHOOL_SITES = 校中厂
enum-TargetIndicator-TEACHER_PRACTICE_STATIONS = 教师活动站
enum-TargetIndicator-ORDER_CLASSES = 订单班
enum-TargetIndicator-RESERVE_CRAFTSMEN = 威海工匠后备人才
enum-TargetIndicator-DEMONSTRATION_APPRENTICESHIP_BASES = 市级示范性企业学徒基地
enum-TargetIndicator-CERTIFIED_ENTERPRISES = 产教融合型企业
enum-TargetIndicator-COUNCIL_MEETINGS = 理事会会议
enum-TargetIndicator-DUAL_QUALIFIED_SHARE = “双师型”教师比例

## TargetScope
enum-TargetScope-ALLIANCE = 全集团
enum-TargetScope-DISTRICT = 区市
enum-TargetScope-UNIT_KIND = 单位类型
enum-TargetScope-MEMBER_UNIT = 成员单位

## ResolutionStatus
enum-ResolutionStatus-OPEN = 待落实
enum-ResolutionStatus-DONE = 已落实
enum-ResolutionStatus-DROPPED = 已撤销

## WorkPlanStatus
enum-WorkPlanStatus-PLANNED = 计划中
enum-WorkPlanStatus-IN_PROGRESS = 进行中
enum-WorkPlanStatus-DONE = 已完成
enum-WorkPlanStatus-DROPPED = 已取消

## ReserveCraftsmanStatus
enum-ReserveCraftsmanStatus-NOMINATED = 已推荐
enum-ReserveCraftsmanStatus-SELECTED = 入选
enum-ReserveCraftsmanStatus-NOT_SELECTED = 未入选

## CertificationLevel
enum-CertificationLevel-MUNICIPAL = 市级
enum-CertificationLevel-PROVINCIAL = 省级
enum-CertificationLevel-NATIONAL = 国家级

## CertificationStatus
enum-CertificationStatus-APPLIED = 已申请
enum-CertificationStatus-CERTIFIED = 已认定
enum-CertificationStatus-REJECTED = 未通过
enum-CertificationStatus-EXPIRED = 已到期

## PlatformKind
enum-PlatformKind-QILU_SKILL_MASTER_STATION = 齐鲁技能大师特色工作站
enum-PlatformKind-WORLDSKILLS_PROVINCIAL_BASE = 世界技能大赛省级集训基地
enum-PlatformKind-WORLDSKILLS_PROVINCIAL_KEY_BASE = 世界技能大赛省级重点集训基地
enum-PlatformKind-PROVINCIAL_QUALITY_SCHOOL = 省技工教育优质校
enum-PlatformKind-NATIONAL_HIGH_SKILL_TRAINING_BASE = 国家级高技能人才培训基地
enum-PlatformKind-NATIONAL_SKILL_MASTER_STUDIO = 国家级技能大师工作室
enum-PlatformKind-WORLDSKILLS_CHINA_BASE = 世界技能大赛中国集训基地
enum-PlatformKind-MUNICIPAL_COMPETITION_BASE = 市级竞赛基地

## PlatformLevel
enum-PlatformLevel-MUNICIPAL = 市级
enum-PlatformLevel-PROVINCIAL = 省级
enum-PlatformLevel-NATIONAL = 国家级

## SharedResourceKind
enum-SharedResourceKind-EQUIPMENT = 设施设备
enum-SharedResourceKind-SITE = 场地

## ResourceBookingStatus
enum-ResourceBookingStatus-REQUESTED = 待答复
enum-ResourceBookingStatus-ACCEPTED = 已接受
enum-ResourceBookingStatus-DECLINED = 已拒绝
enum-ResourceBookingStatus-CANCELLED = 已取消

## ContestKind
enum-ContestKind-SKILLS = 职业技能大赛
enum-ContestKind-TEACHER_ABILITY = 教师职业能力大赛

## ContestLevel
enum-ContestLevel-MUNICIPAL_CLASS_1 = 市级一类
enum-ContestLevel-MUNICIPAL_CLASS_2 = 市级二类
enum-ContestLevel-PROVINCIAL = 省级
enum-ContestLevel-NATIONAL = 国家级
enum-ContestLevel-WORLD = 世界技能大赛

## ContestantKind
enum-ContestantKind-STUDENT = 学生
enum-ContestantKind-TEACHER = 教师
enum-ContestantKind-WORKER = 职工

## ContestAward
enum-ContestAward-GOLD = 金牌 / 一等奖
enum-ContestAward-SILVER = 银牌 / 二等奖
enum-ContestAward-BRONZE = 铜牌 / 三等奖
enum-ContestAward-EXCELLENCE = 优胜奖 / 优秀奖

## ResearchStatus
enum-ResearchStatus-APPROVED = 已立项
enum-ResearchStatus-CONCLUDED = 已结题
enum-ResearchStatus-TERMINATED = 已终止

## SkillLevel
enum-SkillLevel-JUNIOR_WORKER = 初级工（五级）
enum-SkillLevel-INTERMEDIATE_WORKER = 中级工（四级）
enum-SkillLevel-SENIOR_WORKER = 高级工（三级）
enum-SkillLevel-TECHNICIAN = 技师（二级）
enum-SkillLevel-SENIOR_TECHNICIAN = 高级技师（一级）

## FundingDepartment
enum-FundingDepartment-HUMAN_RESOURCES = 人社
enum-FundingDepartment-INDUSTRY_AND_IT = 工信
enum-FundingDepartment-EMERGENCY_MANAGEMENT = 应急
enum-FundingDepartment-CULTURE_AND_TOURISM = 文旅
enum-FundingDepartment-COMMERCE = 商务
enum-FundingDepartment-AGRICULTURE_AND_RURAL = 农业农村
enum-FundingDepartment-TRADE_UNION = 工会
