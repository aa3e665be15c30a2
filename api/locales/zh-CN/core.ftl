# 通用消息：认证、内部错误、字段校验。键与 en/core.ftl 一一对应。
error-unauthenticated = 需要登录：请在请求头 `Authorization: Bearer <令牌>` 中携带 `login` 返回的令牌
error-internal = 服务器内部错误，详情已按请求编号记入日志
year-invalid = { $year } 不是有效年份
field-blank = { $field } 不能为空
field-too-long = { $field } 超过 { $max } 个字符
field-taken = { $field } 已被占用
error-throttled = 尝试次数过多，请 { $seconds } 秒后重试
error-unavailable = 数据库暂时不可用，请稍后重试
forbidden-secretariat-only = 无权操作：仅秘书处可以执行
login-invalid-credentials = 电子邮箱或密码错误
forbidden-school-staff-only = 无权操作：仅学校工作人员可以为本校执行
forbidden-enterprise-staff-only = 无权操作：仅企业工作人员可以为本单位执行
forbidden-committees-only = 无权查看：仅秘书处和专门工作委员会工作人员可以查看
forbidden-evaluator-rounds-only = 无权查看：第三方评估机构账号只能查看受邀参加的督导评估
