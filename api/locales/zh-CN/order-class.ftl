# 订单班：订单班需求、提出订单班、各方确认、状态变更、学生入班、培养方案规则。
# 键与 en/order-class.ftl 一一对应。

## 订单班需求

order-class-demand-not-found = 未找到此 ID 对应的订单班需求，或您无权查看
order-class-demand-field-required = { $field } 为必填项
order-class-demand-start-year-invalid = startYear 须为 2000 至 2100 之间的年份
order-class-demand-pay-negative = 月薪不能低于 0 元
order-class-demand-pay-range = payMax 低于 payMin
order-class-demand-age-limit-invalid = ageLimit 至少为 { $min } 岁（《劳动法》第十五条：禁止招用未满十六周岁的未成年人）
order-class-demand-change-forbidden = 无权操作：仅发布该需求的企业可以修改需求
order-class-demand-cannot-change = 不能修改：该订单班需求当前状态为“{ $status }”
order-class-demand-transition-forbidden = 无权操作：仅发布该需求的企业可以变更需求状态
order-class-demand-cannot-transition = { $action ->
        [publish] 不能发布
        [withdraw] 不能撤回
       *[other] 不能关闭
    }：该订单班需求当前状态为“{ $status }”
order-class-demand-cannot-transition-answered = { $action ->
        [publish] 不能发布
        [withdraw] 不能撤回
       *[other] 不能关闭
    }：该订单班需求当前状态为“{ $status }”，且已有商定的订单班对接此需求
order-class-demand-join-own = 企业不能加入本企业发布的需求
order-class-demand-join-not-open = 只有开放中的需求才能加入；该需求当前状态为“{ $status }”
order-class-demand-already-joined = 本企业已加入该订单班需求

## 提出订单班、修改培养方案

order-class-must-be-positive = { $field } 至少为 1
order-class-school-required = 秘书处提出订单班时须指定学校
order-class-propose-forbidden = 无权操作：仅学校工作人员或秘书处可以提出订单班
order-class-propose-other-school = 无权操作：学校工作人员只能为本校提出订单班
order-class-demand-id-required = 学校提出订单班须对接一项订单班需求：请填写 demandId
order-class-cohort-year-invalid = cohortYear 须在 2000 至 2100 之间
order-class-sponsor-required = 订单班至少需要一家订单企业
order-class-sponsor-duplicate = 该企业被重复列出
order-class-sponsor-seats-mismatch = 各订单企业名额合计 { $taken } 个，与计划名额 { $planned } 个不一致
order-class-school-not-a-school = 订单班须由学校开办：该单位不是学校
order-class-sponsor-may-not = “{ $name }”不能作为订单企业：订单企业须为企业或人力资源服务机构，或经秘书处同意的单位
order-class-demand-not-open = 该订单班需求当前状态为“{ $status }”；只有开放中的需求才能对接
order-class-sponsor-not-in-demand = 该企业未参与此订单班需求
order-class-not-found = 没有此 ID 的订单班
order-class-school-only = 无权操作：仅该订单班所属学校的工作人员可以执行
order-class-plan-locked = 只有“已提出”状态的订单班才能修改培养方案
order-class-plan-hours-negative = { $field } 不能少于 0 学时
order-class-plan-workshop-exceeds-total = 企业车间学时超过专业课总学时

## 各方确认与状态变更

order-class-accept-forbidden = 无权操作：仅该订单班的学校及其订单企业可以确认培养方案
order-class-cannot-accept = 不能确认：该订单班当前状态为“{ $status }”
order-class-demand-no-longer-open = 该订单班对接的需求已不再开放
order-class-cancel-reason-blank = 请说明取消该订单班的原因
order-class-cannot-transition = { $action ->
        [start-recruiting] 不能开始招生
        [start-training] 不能开班
        [graduate] 不能毕业
       *[other] 不能取消
    }：该订单班当前状态为“{ $status }”

## 学生入班与三方预就业协议

order-class-full = 该订单班名额已满
order-class-already-enrolled = 该学生已在此订单班中
order-class-birth-date-not-past = dateOfBirth 须早于今天
order-class-enrol-not-recruiting = 只有招生中的订单班才能录入学生；该订单班当前状态为“{ $status }”
order-class-target-group-not-allowed = 该订单班需求未对“{ $group }”开放招生
order-class-age-limit-exceeded = 开班时该学生将满 { $age } 岁，超过年龄上限 { $limit } 岁
order-class-enrolment-not-found = 没有此 ID 的入班记录
order-class-not-a-sponsor = 该企业不是此订单班的订单企业
order-class-signed-on-future = signedOn 不能晚于今天
order-class-guardian-signature-required = 签订当日该学生未满 18 周岁，须由监护人一并签字

## 培养方案规则：各项判定所依据的数据

order-class-rule-enterprise-hours = 专业课共 { $total } 学时，其中在企业车间完成 { $workshop } 学时；要求不少于 50%
order-class-rule-core-practice = 核心技能实践 { $core } 学时，普通班为 { $ordinary } 学时；要求不少于普通班的 150%
order-class-rule-seats = 计划名额 { $seats } 个
order-class-rule-sponsor-seats = 订单企业名额合计 { $taken } 个，计划名额 { $planned } 个
order-class-rule-no-sponsor = 没有订单企业
order-class-rule-sponsors-ok = 所有订单企业均可承接订单班
order-class-rule-sponsors-not-enterprises = 以下单位不能作为订单企业：{ $names }
