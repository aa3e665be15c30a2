# 集团建设方案的各项任务（api/src/plan/）：实训基地、教师企业实践站、工匠入校、职业规划导师、
# 企业新型学徒制、年度活动。键与 en/plan.ftl 一一对应。

## 代表哪个单位操作（acting.rs）

plan-unit-required = 秘书处代为登记时须指明单位：请提供 { $field }
plan-forbidden-school-staff-only = 无权操作：仅学校工作人员（或秘书处）可以执行
plan-forbidden-firm-staff-only = 无权操作：仅企业工作人员（或秘书处）可以执行
plan-forbidden-own-unit-only = 无权操作：工作人员只能代表本单位操作
plan-forbidden-no-unit = 无权操作：该账号未关联任何单位

## 通用

plan-end-before-start = endDate 早于 startDate
plan-member-unit-unknown = 没有该 ID 的成员单位

## 企业新型学徒制（apprenticeship.rs）

plan-apprenticeship-partner-not-school = 合作方须为学校

## 工匠入校（craftsman.rs）

plan-craftsman-firm-only = 工匠须由企业选派
plan-hours-positive = hours 至少为 1
plan-craftsman-unknown = 没有该 ID 的工匠
plan-craftsman-school-only = 工匠只能派往学校
plan-assignment-unknown = 没有该 ID 的工匠入校安排
plan-forbidden-assignment-answer = 无权操作：仅工匠所在企业（或秘书处）可以答复入校安排
plan-assignment-declined = 企业已拒绝该入校安排，不能再确认
plan-assignment-confirmed = 企业已确认该入校安排，不能再拒绝

## 年度活动（event.rs）

plan-forbidden-event-organiser = 无权操作：工作人员只能登记本单位主办的活动
plan-event-organiser-required = 请至少填写一个主办单位
plan-participants-count-negative = participantsCount 不能小于 0
plan-event-unit-unknown = 有主办单位或参与单位不是成员单位
plan-event-unknown = 没有该 ID 的活动
plan-forbidden-event-confirm = 无权操作：仅活动所列单位可以确认本单位的参与

## 职业规划导师（mentor.rs）

plan-mentor-firm-only = 职业规划导师须由企业指定
plan-mentor-unknown = 没有该 ID 的职业规划导师
plan-forbidden-career-class = 无权操作：职业规划课由导师所在企业或授课学校登记
plan-career-class-school-only = 职业规划课只能在学校开设

## 实训基地：校中厂、厂中校（site.rs）

plan-student-capacity-negative = studentCapacity 不能小于 0
plan-factory-in-school-host = 校中厂须由学校承办
plan-school-in-factory-host = 厂中校须由企业或其他非学校单位承办
plan-partner-duplicate = 合作单位重复填写，或与承办单位相同
plan-firm-partner-required = 校中厂须至少有一家提供生产线的企业合作方
plan-forbidden-host-only = 无权操作：仅承办单位工作人员（或秘书处）可以执行
plan-site-unknown = 没有该 ID 的实训基地

## 教师企业实践站与教师入企实践（station.rs）

plan-station-firm-only = 教师企业实践站须由企业设立
plan-station-unknown = 没有该 ID 的教师企业实践站
plan-posts-negative = posts 不能小于 0
plan-year-range = year 应为 2000 至 2100
plan-posts-below-booked = 已有 { $booked } 名教师预约，实践岗位数不能少于此数
plan-days-on-site-range = daysOnSite 应为 0 至 { $span }
plan-teacher-not-from-school = 实践教师须来自学校
plan-no-post-left = 该实践站 { $year } 年“{ $specialty }”专业的 { $offered } 个实践岗位已全部占用
plan-practice-unknown = 没有该 ID 的教师入企实践记录
plan-forbidden-practice-confirm = 无权操作：仅实践站所属企业可以确认教师入企实践
plan-forbidden-practice-decline = 无权操作：仅实践站所属企业（或秘书处）可以拒绝预约
plan-practice-declined = 实践站所属企业已拒绝该预约，不能再确认
plan-practice-confirmed = 实践站所属企业已确认该次实践，不能再拒绝

## 更正、归档与撤回 (issue 12)
plan-apprenticeship-unknown = 没有此 ID 的学徒培养记录
plan-forbidden-event-organiser-only = 无权操作：只有活动的主办单位（或秘书处）可以修改
plan-already-archived = 已归档
plan-forbidden-assignment-withdraw = 无权操作：只有登记该安排的学校（或秘书处）可以撤回
plan-assignment-withdrawn = 学校已撤回该安排
plan-apprenticeship-end-required = 须填写计划结束日期
plan-apprenticeship-not-active = 该学徒培养当前状态为“{ $status }”：只有进行中的才能结束
plan-ended-in-future = 结束日期不能晚于今天
plan-craftsman-archived = 该工匠已退出人才库（已归档）
plan-station-archived = 该教师活动站已归档
plan-site-archived = 该实训基地已归档
