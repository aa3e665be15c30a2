# 输入上限（api/src/limits.rs，docs/limits.md）与证件号码校验（national_id.rs、uscc.rs）。
# 键与 en/limits.ftl 一一对应。

## 输入上限

limits-control-character = { $field } 含有不允许的控制字符 U+{ $code }
limits-int-out-of-range = { $field } 须在 -{ $max } 至 { $max } 之间
limits-too-many-items = { $field } 超过 { $max } 项
limits-too-large = { $field } 不能超过 { $max }

## 居民身份证号码（GB 11643-1999）

national-id-shape = 居民身份证号码由 17 位数字和 1 位校验码（0-9 或 X）组成
national-id-check-character = 居民身份证号码的校验码（第 18 位）不正确
national-id-birth-date = 居民身份证号码第 7-14 位不是有效的出生日期

## 统一社会信用代码（GB 32100-2015）

uscc-length = 统一社会信用代码应为 18 位
uscc-character = 统一社会信用代码只能由数字 0-9 和大写字母 A-Y（不含 I、O、S、V、Z）组成
uscc-check-character = 统一社会信用代码的校验码（第 18 位）与前 17 位不符
