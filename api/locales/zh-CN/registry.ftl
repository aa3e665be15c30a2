# 成员单位名录：成员单位与委员会席位。键与 en/registry.ftl 一一对应。

registry-member-unit-not-found = 没有此 ID 的成员单位
registry-committee-not-found = 没有此 ID 的委员会
registry-not-a-committee-member = 该单位在此委员会中没有席位
registry-name-and-kind-required = name 和 kind 均为必填项
registry-name-taken = 已有其他成员单位使用此名称
registry-uscc-taken = 已有其他成员单位使用此统一社会信用代码
registry-employee-count-negative = employeeCount 不能为负数
registry-contact-phone-invalid = contactPhone 只能包含数字、空格、+ - ( ) 和“转”（分机号），最多 { $max } 个字符
registry-kind-conflicts-with-accounts = 该单位下有 { $count } 个另一类别（学校 / 非学校）的账号，请先将其移出
registry-school-may-not-sponsor = 学校举办订单班，不能作为订单企业
registry-school-carries-no-firm-commitments = 学校承担院校的任务，不能承担企业的任务
