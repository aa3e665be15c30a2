# Input limits (api/src/limits.rs, docs/limits.md) and identifier checks (national_id.rs,
# uscc.rs). Keys match zh-CN/limits.ftl.

## Input limits

limits-control-character = { $field } holds the control character U+{ $code }, which is not allowed
limits-int-out-of-range = { $field } must lie between -{ $max } and { $max }
limits-too-many-items = { $field } has more than { $max } items
limits-too-large = { $field } must be at most { $max }

## National ID numbers (GB 11643-1999)

national-id-shape = an ID number has 17 digits and a check character (0-9 or X)
national-id-check-character = the check character (18th) does not match
national-id-birth-date = characters 7-14 are not a valid date of birth

## Unified social credit codes (GB 32100-2015)

uscc-length = a unified social credit code has 18 characters
uscc-character = a unified social credit code uses only 0-9 and A-Y without I, O, S, V, Z
uscc-check-character = the check character (18th) does not match the first 17 characters
