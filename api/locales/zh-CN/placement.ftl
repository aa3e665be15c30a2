# 岗位实习、学生、毕业生去向与留威就业（api/src/placement/）。键与 en/placement.ftl 一一对应。
# 规则用语依据《职业学校学生实习管理规定》（教职成〔2021〕4号），见 docs/internship-rules.md。

## 上报岗位实习（report.rs）

placement-student-number-unknown = 本校没有该学号的学生
placement-member-unit-unknown = 没有该 ID 的成员单位
placement-training-site-unknown = 没有此 ID 的实训基地
placement-training-site-not-of-placement = 该实训基地既不由本实习的学校或实习单位举办，也不以其为合作单位
placement-training-site-id-malformed = 不是实训基地的 ID（请从系统中复制 TrainingSite.id）
placement-host-name-blank = 请填写实习单位名称（或提供 hostUnitId）
placement-host-other-school = 其他学校不能作为本校学生的实习单位
placement-host-fact-of-member = { $field } 只为非成员单位的实习单位填写：成员单位的职工人数和类型以成员名录为准
placement-host-staff-count-positive = hostStaffCount（实习单位在岗职工人数）至少为 1
placement-weekly-hours-range = weeklyHours 应为 0 至 168
placement-labour-intensity-range = labourIntensity（体力劳动强度级别）应为 1 至 4
placement-pay-negative = 实习报酬和岗位工资不能小于 0 元
placement-post-staff-count-positive = postStaffCount 至少为 1
placement-end-before-start = endDate 早于 startDate
placement-start-year-range = startDate 须在 2000 年至 2100 年之间
placement-too-long = 岗位实习最长 { $days } 天（三年）
placement-insurance-ends-before-start = 实习责任保险的保障结束日期早于开始日期
placement-order-class-unknown = 本校没有该 ID 的订单班

## 状态变更与实习单位确认（transition.rs）

placement-unknown = 没有该 ID 的岗位实习，或您无权查看
placement-forbidden-status-change = 无权操作：仅学生所在学校可以变更岗位实习的状态
placement-student-not-found = 未找到：学生
placement-termination-reason-blank = 请说明岗位实习终止的原因
placement-cannot-transition = 状态为“{ $status }”的岗位实习不能{ $action ->
        [activate] 启动
        [complete] 完成
        [terminate] 终止
       *[other] 执行该操作
    }
placement-forbidden-confirm-host-only = 无权操作：仅实习单位可以确认岗位实习
placement-forbidden-school-confirm = 无权操作：学校不能以实习单位身份确认岗位实习，须由实习企业确认
placement-ended = 该岗位实习已结束

## 学生（student.rs）

placement-birth-date-range = dateOfBirth 须在 1900-01-01 至昨天之间
placement-year-of-study-range = yearOfStudy 应为 1 至 6
placement-national-id-birth-mismatch = 居民身份证号码中的出生日期与 dateOfBirth 不一致

## 毕业生去向与留威就业（outcome.rs, retention.rs）

placement-outcome-employer-not-employed = 仅已就业的毕业生可以填写就业单位
placement-outcome-district-outside-weihai = 仅在威海就业时填写区市
placement-graduation-year-range = graduationYear 应为 2000 至 2100
placement-forbidden-retention = 无权操作：留威就业情况仅学校和秘书处可以查看

## 实习岗位 2% 规则（internship_posts.rs）

placement-forbidden-posts = 无权操作：企业的实习岗位情况仅该企业和秘书处可以查看
placement-member-unit-not-found = 未找到：成员单位
placement-forbidden-offer-posts = 无权操作：企业的实习岗位仅由该企业工作人员或秘书处申报
placement-posts-year-range = year 应为 2000 至 2100
placement-posts-negative = posts 不能小于 0
placement-posts-firms-only = “{ $name }”不是企业：实习岗位由企业（及经秘书处认定承担企业任务的单位）申报

## 国家实习规定：规则摘要（不含学生的年龄、年级等数据，供实习单位查看）（rules.rs）

placement-rule-summary-agreement-required = 须签订三方协议
placement-rule-summary-consent-required = 须取得知情同意
placement-rule-summary-school-approval-required = 学生自行联系的实习须经学校审核同意
placement-rule-summary-first-year-student = 该学生所在年级不得参加岗位实习
placement-rule-summary-under-16 = 该学生的年龄不得参加岗位实习
placement-rule-summary-minor-forbidden-work = 该岗位不得安排该学生实习
placement-rule-summary-female-forbidden-work = 该岗位属于女职工禁忌从事的劳动，不得安排该学生实习
placement-rule-summary-heavy-labour = 该岗位的体力劳动强度为三级以上，不得安排学生实习
placement-rule-summary-forbidden-venue = 该场所禁止安排学生实习
placement-rule-summary-intermediary = 岗位实习不得通过中介机构安排
placement-rule-summary-pay-below-floor = 实习报酬低于同岗位工资的 80%
placement-rule-summary-no-night-or-overtime = 不得安排夜班、加班或在法定节假日实习
placement-rule-summary-insurance-required = 实习责任保险须覆盖整个实习期
placement-rule-summary-ratio-host = 实习学生超过实习单位在岗职工总数的 10%
placement-rule-summary-ratio-post = 实习学生超过同岗位在岗职工总数的 20%
placement-rule-summary-duration = 实习期与通常的 6 个月左右相差较大
placement-rule-summary-no-fees = 实习单位尚未承诺不收取任何实习费用

## 国家实习规定：具体情况（rules.rs）

placement-rule-no-agreement = 未登记已签订的三方协议
placement-rule-guardian-signature = 学生在实习开始日为 { $age } 周岁：三方协议还须由监护人签字
placement-rule-no-consent = 未登记学生的知情同意
placement-rule-no-school-approval = 该实习由学生自行联系，须由学生提出申请并经学校审核同意（请填写 applicationApprovedOn）
placement-rule-guardian-consent = 学生在实习开始日为 { $age } 周岁：还须取得监护人的知情同意
placement-rule-first-year-student = 一年级在校学生不得参加岗位实习
placement-rule-year-of-study-unknown = 未登记学生的年级
placement-rule-under-16 = 学生在实习开始日为 { $age } 周岁，未满 16 周岁不得参加岗位实习
placement-rule-minor-forbidden-work = 该岗位属于未成年工禁忌从事的劳动，而学生为 { $age } 周岁
placement-rule-female-forbidden-work = 该岗位属于《女职工劳动保护特别规定》所列女职工禁忌从事的劳动，而学生为女性
placement-rule-heavy-labour = 该岗位的体力劳动强度为 { $level } 级（GB 3869-1997），学生不得从事三级、四级体力劳动强度的工作
placement-rule-forbidden-venue = “{ $venue }”属于禁止安排学生实习的营业性娱乐场所
placement-rule-intermediary = 该岗位实习经中介机构安排
placement-rule-agency-works-elsewhere = 实习单位为人力资源服务机构，而学生实际在其他企业实习
placement-rule-pay-below-floor = 实习报酬 { $pay } 元，低于该岗位工资 { $wage } 元的 80%
placement-rule-schedule = 作息安排：每周 { $hours } 小时{ $extra ->
        [night] ，安排夜班
        [overtime] ，安排加班或法定节假日实习
        [both] ，安排夜班、加班或法定节假日实习
       *[other] {""}
    }
placement-rule-insurance-required = 未投保覆盖整个实习期的实习责任保险
placement-rule-ratio-host = 实习单位在岗职工 { $staff } 人，实习学生 { $interns } 人，超过 10%
placement-rule-ratio-post = 该岗位在岗职工 { $staff } 人，实习学生 { $interns } 人，超过 20%
placement-rule-duration = 实习期 { $months } 个月；岗位实习一般为 6 个月左右
placement-rule-no-fees = 实习单位尚未承诺不收取押金或任何实习费用、不扣押学生的身份证件

## 学生归档 (issue 12)
placement-student-unknown = 没有此 ID 的学生
placement-forbidden-student-other-school = 无权操作：只有学生所在学校可以将其归档
placement-student-archived = 该学生已归档
